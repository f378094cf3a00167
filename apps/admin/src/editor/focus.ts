/** Bringing a cell or a section's text box into view when the user jumps to a problem. */

/** focus and flash a cell (`t3.new.natural`) or a section's text (`section:overview`) once it is on screen */
export function focusTarget(key: string) {
  const selector = key.startsWith('section:')
    ? `[data-section="${key.slice(8)}"]`
    : `[data-cell="${CSS.escape(key)}"]`;
  let tries = 0;
  const attempt = () => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) {
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      el.focus({ preventScroll: true });
      el.classList.add('tm-flash');
      setTimeout(() => el.classList.remove('tm-flash'), 1300);
    } else if (tries++ < 10) {
      setTimeout(attempt, 50);
    }
  };
  setTimeout(attempt, 0);
}
