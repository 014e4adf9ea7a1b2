// Small synthetic LinkedIn pages (invented people) for the foundation tests: two member profiles, the feed,
// and a same-origin "SPA router" script that performs in-app navigation the way LinkedIn does
// (history.pushState, then the new profile renders a moment later into the same <main>).

/** The top card of a member profile, in LinkedIn's 2024 layout (section anchors, doubled texts). */
export function profileMain({ slug, name, headline, location }) {
  return `<main id="main" class="scaffold-layout__main">
  <section class="artdeco-card pHTnKOkHq" data-member-id="${slug.length * 7919}">
    <div class="ph5 pb5">
      <a href="/in/${slug}/overlay/about-this-profile/" aria-label="${name}">
        <h1 class="text-heading-xlarge inline t-24 v-align-middle break-words">${name}</h1>
      </a>
      <div class="text-body-medium break-words">${headline}</div>
      <span class="text-body-small inline t-black--light break-words">${location}</span>
      <a id="top-card-text-details-contact-info" href="/in/${slug}/overlay/contact-info/">Contact info</a>
    </div>
  </section>
</main>`;
}

export const MAREN = {
  slug: 'maren-okafor-4b2a1c',
  name: 'Maren Okafor',
  headline: 'Data Engineer at Fjordlight Analytics',
  location: 'Bergen, Vestland, Norway',
};

export const TOBIAS = {
  slug: 'tobias-lindqvist-arce',
  name: 'Tobias Lindqvist-Arcé',
  headline: 'Product Designer · Accessibility advocate',
  location: 'Valencia, Valencian Community, Spain',
};

/** A full page: `main` now, and `<template>`s the SPA router renders on in-app navigation. */
export function page({ title, main, routes = {} }) {
  const templates = Object.entries(routes)
    .map(([path, html]) => `<template data-route="${path}">${html}</template>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><script src="/spa.js" defer></script></head>
<body><header class="global-nav"><a href="/feed/" data-spa>Home</a></header>
${main}
${templates}
</body></html>`;
}

/** The page's own router: pushState first, render the route ~1.2 s later (like LinkedIn's lazy render). */
export const SPA_SCRIPT = `
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-spa]');
  if (!link) return;
  event.preventDefault();
  const path = new URL(link.href).pathname;
  history.pushState({}, '', path);
  setTimeout(() => {
    const template = document.querySelector('template[data-route="' + path + '"]');
    if (template) {
      document.querySelector('main').replaceWith(template.content.cloneNode(true));
      document.title = path;
    }
  }, 1200);
});
`;
