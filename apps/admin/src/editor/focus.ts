/** Bringing a cell or a section's text box into view when the user jumps to a problem. */

/**
 * focus and flash a cell (`t3.new.natural`) or a section's text (`section:overview`) once it is on
 * screen; for a text, `range` selects that span and scrolls the text box to it
 */
export function focusTarget(key: string, range?: { start: number; end: number }) {
  const selector = key.startsWith('section:')
    ? `[data-section="${key.slice(8)}"]`
    : `[data-cell="${CSS.escape(key)}"]`;
  let tries = 0;
  const attempt = () => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) {
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      el.focus({ preventScroll: true });
      if (range && el instanceof HTMLTextAreaElement) selectSpan(el, range);
      // panels that load after the jump (the workflow's, lazily) push the page down: bring the target
      // back into view once they are in, unless the user has moved on
      setTimeout(() => {
        if (document.activeElement === el) el.scrollIntoView({ block: 'center' });
      }, 800);
      el.classList.add('tm-flash');
      setTimeout(() => el.classList.remove('tm-flash'), 1300);
    } else if (tries++ < 10) {
      setTimeout(attempt, 50);
    }
  };
  setTimeout(attempt, 0);
}

/** select a span of a textarea and scroll the box so that the span's line is in view */
function selectSpan(el: HTMLTextAreaElement, { start, end }: { start: number; end: number }) {
  const to = Math.min(end, el.value.length);
  const from = Math.min(start, to);
  el.setSelectionRange(from, to);
  // the line of the span: count the wrapped lines before it with a hidden copy of the box
  const mirror = document.createElement('div');
  const style = getComputedStyle(el);
  for (const p of ['width', 'fontFamily', 'fontSize', 'lineHeight', 'letterSpacing', 'paddingLeft', 'paddingRight', 'boxSizing'] as const) mirror.style[p] = style[p];
  mirror.style.whiteSpace = 'pre-wrap';
  mirror.style.wordBreak = 'break-word';
  mirror.style.position = 'absolute';
  mirror.style.visibility = 'hidden';
  mirror.textContent = el.value.slice(0, from) || ' ';
  document.body.appendChild(mirror);
  const top = mirror.scrollHeight;
  mirror.remove();
  el.scrollTop = Math.max(0, top - el.clientHeight / 2);
}
