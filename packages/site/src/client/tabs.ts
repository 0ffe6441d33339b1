/**
 * `[data-sy-tabs]` blocks (the `<Tabs>` MDX component): the server renders a tablist and one panel per tab,
 * every panel after the first `hidden`. Clicking a tab, or arrow keys / Home / End in the tablist, shows
 * its panel (the WAI-ARIA tabs pattern, with automatic activation).
 */
export function initTabs(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-sy-tabs]')) {
    const tabs = [...root.querySelectorAll<HTMLButtonElement>(':scope > [role="tablist"] > [role="tab"]')];
    const select = (index: number, focus: boolean) => {
      tabs.forEach((tab, i) => {
        const selected = i === index;
        tab.setAttribute('aria-selected', String(selected));
        tab.tabIndex = selected ? 0 : -1;
        const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
        if (panel) panel.hidden = !selected;
      });
      if (focus) tabs[index]?.focus();
    };
    tabs.forEach((tab, i) => {
      tab.addEventListener('click', () => select(i, false));
      tab.addEventListener('keydown', (event) => {
        const last = tabs.length - 1;
        const to =
          event.key === 'ArrowRight'
            ? i === last
              ? 0
              : i + 1
            : event.key === 'ArrowLeft'
              ? i === 0
                ? last
                : i - 1
              : event.key === 'Home'
                ? 0
                : event.key === 'End'
                  ? last
                  : -1;
        if (to === -1) return;
        event.preventDefault();
        select(to, true);
      });
    });
  }
}
