/*
 * Hover cards for links to clause pages, on any site:
 *
 *   <script src="https://KB-HOST/embed/cards.js" defer></script>
 *
 * Every link to https://KB-HOST/clauses/<id> shows, on hover or keyboard
 * focus, a card with the clause's citation and text, fetched from the JSON API
 * of the server the script came from (CORS, no cookies). Nothing else is
 * needed on the host page: no inline script, no style sheet. All text is set
 * with textContent, so nothing from the API is ever parsed as HTML.
 * Optional: data-api="https://other-host" on the <script> tag to read another server.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var api = (script.getAttribute('data-api') || new URL(script.src).origin).replace(/\/+$/, '');
  var apiOrigin = new URL(api).origin;
  var PAGE = /^\/clauses\/([A-Za-z0-9_-]{1,400})\/?$/;
  var MAX_CHARS = 300;
  var SHOW_DELAY = 150;
  var cache = new Map();
  var card = null;
  var current = null;
  var timer = 0;
  var seq = 0;

  function clauseIdOf(a) {
    if (!a || !a.href) return null;
    var u;
    try { u = new URL(a.href, document.baseURI); } catch (e) { return null; }
    if (u.origin !== apiOrigin) return null;
    var m = PAGE.exec(u.pathname);
    return m ? m[1] : null;
  }

  function load(id) {
    if (!cache.has(id)) {
      var p = fetch(api + '/v1/clauses/' + encodeURIComponent(id), { mode: 'cors', credentials: 'omit', headers: { Accept: 'application/json' } })
        .then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.json();
        });
      // A failure is not kept: the next hover tries again.
      p.catch(function () { cache.delete(id); });
      cache.set(id, p);
    }
    return cache.get(id);
  }

  function build() {
    var el = document.createElement('div');
    el.id = 'policy-kb-card-' + Math.random().toString(36).slice(2);
    el.setAttribute('role', 'tooltip');
    el.className = 'policy-kb-hovercard';
    Object.assign(el.style, {
      position: 'absolute',
      zIndex: '2147483647',
      maxWidth: '28em',
      padding: '0.75em 1em',
      background: '#fff',
      color: '#0b0c0c',
      border: '1px solid #b1b4b6',
      borderLeft: '4px solid #1d70b8',
      boxShadow: '0 2px 8px rgba(0,0,0,0.2)',
      font: '15px/1.6 system-ui, "Noto Sans CJK SC", sans-serif',
      textAlign: 'left',
      display: 'none',
    });
    el.addEventListener('mouseenter', function () { clearTimeout(timer); });
    el.addEventListener('mouseleave', scheduleHide);
    document.body.appendChild(el);
    return el;
  }

  function line(tag, text, css) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (css) el.style.cssText = css;
    return el;
  }

  function fill(clause) {
    card.replaceChildren();
    card.appendChild(line('strong', clause.citation || clause.docTitle || '', 'display:block;margin-bottom:0.25em'));
    var text = String(clause.text || '');
    card.appendChild(line('p', text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) + '…' : text, 'margin:0'));
  }

  function place(a) {
    var r = a.getBoundingClientRect();
    card.style.left = Math.max(4, r.left + window.scrollX) + 'px';
    card.style.top = r.bottom + window.scrollY + 6 + 'px';
  }

  function show(a, id) {
    var mine = ++seq;
    card = card || build();
    current = a;
    a.setAttribute('aria-describedby', card.id);
    load(id).then(
      function (clause) {
        if (mine !== seq) return;
        fill(clause);
        place(a);
        card.style.display = 'block';
      },
      function () {
        if (mine === seq) hide();
      },
    );
  }

  function hide() {
    seq++;
    if (current) current.removeAttribute('aria-describedby');
    current = null;
    if (card) card.style.display = 'none';
  }

  function scheduleHide() {
    clearTimeout(timer);
    timer = setTimeout(hide, 200);
  }

  function enter(e) {
    var a = e.target && e.target.closest ? e.target.closest('a[href]') : null;
    var id = clauseIdOf(a);
    if (!id) return;
    clearTimeout(timer);
    if (a === current) return;
    timer = setTimeout(function () { show(a, id); }, e.type === 'focusin' ? 0 : SHOW_DELAY);
  }

  function leave(e) {
    var a = e.target && e.target.closest ? e.target.closest('a[href]') : null;
    if (clauseIdOf(a)) scheduleHide();
  }

  document.addEventListener('mouseover', enter);
  document.addEventListener('focusin', enter);
  document.addEventListener('mouseout', leave);
  document.addEventListener('focusout', leave);
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') hide();
  });
})();
