/**
 * Keyboard access to annotations: Alt+Shift+N / Alt+Shift+P move to the next /
 * previous one (scrolled into view, card opened), Escape closes the card.
 * Shortcuts are ignored while the user types in a field, so Gloss never eats a
 * keystroke meant for the page.
 */

/** What a key press asks Gloss to do. */
export type KeyAction = 'next' | 'previous' | 'close';

/** True when keystrokes go to something editable (fields, contenteditable, ARIA textboxes). */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!target || (target as Node).nodeType !== 1) return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.localName;
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (el as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'range', 'color', 'file'].includes(type);
  }
  return el.closest('[contenteditable]:not([contenteditable="false"]),[role="textbox"],[role="combobox"]') !== null;
}

/**
 * The action for a key event, or null. Uses `event.code` so the shortcut works
 * whatever characters Alt+Shift produces on the user's layout.
 */
export function keyAction(event: KeyboardEvent, cardOpen: boolean): KeyAction | null {
  if (event.defaultPrevented || event.isComposing) return null;
  if (event.key === 'Escape') return cardOpen ? 'close' : null;
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  const target = (event.composedPath?.()[0] ?? event.target) as EventTarget | null;
  if (isEditableTarget(target) || isEditableTarget(event.target)) return null;
  if (event.code === 'KeyN') return 'next';
  if (event.code === 'KeyP') return 'previous';
  return null;
}
