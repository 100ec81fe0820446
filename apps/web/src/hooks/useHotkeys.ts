import { useEffect, useRef } from 'react';

type HotkeyMap = Partial<Record<string, (event: KeyboardEvent) => void>>;

const TYPING_INPUTS = new Set(['text', 'search', 'password', 'email', 'number', 'tel', 'url', 'date', 'datetime-local', 'time']);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return TYPING_INPUTS.has(target.type);
  return target.getAttribute('role') === 'combobox';
}

function activatesControl(key: string, target: EventTarget | null): boolean {
  return (key === 'Enter' || key === ' ') && target instanceof Element && target.closest('button, a[href], [role="button"], [role="tab"], [role="menuitem"]') !== null;
}

function insideOverlay(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.ant-modal-root, .ant-drawer, .ant-select-dropdown, .ant-picker-dropdown') !== null;
}

/**
 * Single-key shortcuts on the window. Keys are `KeyboardEvent.key` values, letters in lower case.
 * They never fire while the operator types, nor from inside a dialog, which has its own keys.
 */
export function useHotkeys(map: HotkeyMap, enabled = true): void {
  const mapRef = useRef(map);
  mapRef.current = map;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || insideOverlay(event.target)) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const handler = mapRef.current[key];
      if (!handler || activatesControl(key, event.target)) return;
      event.preventDefault();
      handler(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
