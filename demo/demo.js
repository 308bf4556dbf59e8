// The demo portal's language menu: it only sets <html lang> (and dir), as a CMS
// would; the elements follow the page's language by themselves.
const menu = document.querySelector('#language');
const rtl = new Set(['ar', 'fa']);
const params = new URLSearchParams(location.search);
const initial = params.get('lang') || localStorage.getItem('demo-lang') || 'de';

function apply(lang) {
  document.documentElement.lang = lang;
  document.documentElement.dir = rtl.has(lang) ? 'rtl' : 'ltr';
  if (menu) menu.value = lang;
}
apply(initial);
menu?.addEventListener('change', () => {
  localStorage.setItem('demo-lang', menu.value);
  apply(menu.value);
});

// Show what the elements tell an embedding developer.
for (const type of ['shg-search', 'shg-group-open', 'shg-contact', 'shg-error', 'shg-topic-select', 'shg-sent']) {
  document.addEventListener(type, (e) => console.info(`[demo] ${type}`, e.detail));
}
