const TOKEN_KEY = 'hub.token';

type Listener = () => void;
const expiredListeners = new Set<Listener>();

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  save(token: string) {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
  },
  expire() {
    sessionStorage.removeItem(TOKEN_KEY);
    expiredListeners.forEach((listener) => listener());
  },
  onExpired(listener: Listener): () => void {
    expiredListeners.add(listener);
    return () => expiredListeners.delete(listener);
  },
};
