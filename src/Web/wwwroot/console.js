// Actions that take time show progress: the pressed button is marked busy (and cannot be pressed twice)
// until the page has answered. Without JavaScript, forms still post and pages still load.
document.addEventListener('submit', event => {
  const button = event.submitter;
  if (!button) return;
  // After Blazor has read the form (its handler runs first, in the same event).
  setTimeout(() => { button.disabled = true; button.setAttribute('aria-busy', 'true'); }, 0);
});
window.Blazor?.addEventListener('enhancedload', () => {
  document.querySelectorAll('button[aria-busy]').forEach(button => { button.disabled = false; button.removeAttribute('aria-busy'); });
});
