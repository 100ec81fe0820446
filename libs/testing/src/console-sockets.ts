import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';

/** Resolves when the socket is connected; rejects with the handshake's refusal. */
export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/** Staff sockets on the api's `/console` namespace, opened as the console opens them and closed together. */
export class ConsoleSockets {
  private readonly opened: Socket[] = [];
  private url = '';

  /** Has the api listen on a free local port, for the sockets to reach. */
  async listen(app: INestApplication): Promise<void> {
    await app.listen(0, '127.0.0.1');
    this.url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  }

  /** A socket with this token, not yet connected (attach listeners, then await `connected`). */
  open(token: string): Socket {
    const socket = io(`${this.url}/console`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    this.opened.push(socket);
    return socket;
  }

  async connect(token: string): Promise<Socket> {
    const socket = this.open(token);
    await connected(socket);
    return socket;
  }

  closeAll(): void {
    for (const socket of this.opened) socket.disconnect();
  }
}
