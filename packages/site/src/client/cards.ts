/**
 * Hover cards are CSS only (`.sy-ref` with a hidden `.sy-card` shown on :hover / :focus-within). This
 * adds `sy-card--left` to a card that would overflow the viewport on the right, as it is about to show (it is expected to then align its right edge with the
 * reference's right edge).
 */

const MARGIN = 8;

export function initCards(): void {
  const place = (event: Event) => {
    const ref = (event.target as Element | null)?.closest?.('.sy-ref');
    const card = ref && cardOf(ref);
    if (!card) return;
    // Moving between the parts of one reference: already placed.
    const from = (event as MouseEvent | FocusEvent).relatedTarget;
    if (event.type === 'mouseover' && from instanceof Node && ref.contains(from)) return;
    // The card is shown by now (:hover and :focus-within apply before these events), so it can be measured.
    card.classList.remove('sy-card--left');
    const rect = card.getBoundingClientRect();
    if (rect.width === 0) return;
    const viewport = document.documentElement.clientWidth;
    if (rect.right > viewport - MARGIN) {
      // Flip only when it helps: a card wider than the space on both sides stays where it overflows less.
      const refRect = ref.getBoundingClientRect();
      const leftOverflow = rect.width - refRect.right;
      const rightOverflow = rect.right - viewport;
      if (leftOverflow < rightOverflow) card.classList.add('sy-card--left');
    }
  };
  document.addEventListener('mouseover', place);
  document.addEventListener('focusin', place);
}

/** The card of a reference: inside it, or its next sibling (`.sy-ref + .sy-card`). */
function cardOf(ref: Element): HTMLElement | null {
  const inside = ref.querySelector<HTMLElement>(':scope > .sy-card, .sy-card');
  if (inside) return inside;
  const next = ref.nextElementSibling;
  return next instanceof HTMLElement && next.classList.contains('sy-card') ? next : null;
}
