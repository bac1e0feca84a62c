/**
 * Keys of the WAI-ARIA Authoring Practices tree view pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/), mapped to actions.
 */
export type TreeKeyAction =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'right' }
  | { kind: 'left' }
  | { kind: 'activate' }
  | { kind: 'toggle-selection' }
  | { kind: 'expand-siblings' }
  | { kind: 'type-ahead'; character: string };

/** Returns the action of a keydown event, or null when the tree does not handle the key. */
export function treeKeyAction(event: KeyboardEvent): TreeKeyAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) {
    return null;
  }
  switch (event.key) {
    case 'ArrowDown':
      return { kind: 'next' };
    case 'ArrowUp':
      return { kind: 'previous' };
    case 'Home':
      return { kind: 'first' };
    case 'End':
      return { kind: 'last' };
    case 'ArrowRight':
      return { kind: 'right' };
    case 'ArrowLeft':
      return { kind: 'left' };
    case 'Enter':
      return { kind: 'activate' };
    case ' ':
      return { kind: 'toggle-selection' };
    case '*':
      return { kind: 'expand-siblings' };
    default:
      return event.key.length === 1 && event.key.trim() !== '' ? { kind: 'type-ahead', character: event.key } : null;
  }
}
