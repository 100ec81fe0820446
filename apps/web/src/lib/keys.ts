import type { KeyboardEvent } from 'react';

export function onCtrlEnter(submit: () => void) {
  return (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      submit();
    }
  };
}
