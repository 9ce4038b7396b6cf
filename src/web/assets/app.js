// 政策知识库 — progressive enhancement only: every page works without this file.
// Adds: type-ahead on search boxes, copy buttons, auto-submit of the sort menu.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  // Copy buttons: hidden in the HTML (they would do nothing without script), shown here.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand('copy');
      document.body.removeChild(area);
      ok ? resolve() : reject(new Error('copy failed'));
    });
  }
  document.querySelectorAll('button[data-copy]').forEach(function (b) { b.hidden = false; });
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('button[data-copy]');
    if (!b) return;
    var label = b.textContent;
    copyText(b.getAttribute('data-copy')).then(function () {
      b.textContent = '已复制';
      b.setAttribute('data-copied', '');
      setTimeout(function () { b.textContent = label; b.removeAttribute('data-copied'); }, 1600);
    }, function () { b.textContent = '请手动复制'; });
  });

  // Filters start folded on a phone (open in the HTML, so no-script readers always see them).
  if (window.matchMedia('(max-width: 60rem)').matches) {
    document.querySelectorAll('details[data-collapse-narrow]').forEach(function (d) { d.open = false; });
  }

  // The outline marks (and scrolls to) the part the address points at: the anchored clause or the unit holding it.
  var outline = document.querySelector('.outline');
  function markOutline() {
    if (!outline || !location.hash) return;
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) return;
    var unit = target.classList.contains('unit') ? target : target.closest('.unit');
    var link = unit && outline.querySelector('a[href="#' + CSS.escape(unit.id) + '"]');
    outline.querySelectorAll('a[aria-current]').forEach(function (a) { a.removeAttribute('aria-current'); a.classList.remove('is-current'); });
    if (!link) return;
    link.setAttribute('aria-current', 'location');
    link.classList.add('is-current');
    var box = outline.getBoundingClientRect();
    var at = link.getBoundingClientRect();
    if (at.top < box.top || at.bottom > box.bottom) outline.scrollTop += at.top - box.top - box.height / 2;
  }
  markOutline();
  window.addEventListener('hashchange', markOutline);

  // The sort menu submits itself (its button is there for the no-script case).
  document.querySelectorAll('select[data-autosubmit]').forEach(function (s) {
    s.addEventListener('change', function () { s.form.submit(); });
  });

  // Type-ahead: document titles and department names from /v1/suggest, as an ARIA combobox.
  var KIND = { document: '文件', department: '部门' };
  document.querySelectorAll('input[data-suggest]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('aria-controls'));
    if (!list) return;
    var items = [];
    var active = -1;
    var timer = 0;
    var seq = 0;
    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
    function select(i) {
      active = i;
      Array.prototype.forEach.call(list.children, function (li, j) { li.setAttribute('aria-selected', String(j === i)); });
      if (i >= 0) input.setAttribute('aria-activedescendant', list.children[i].id);
      else input.removeAttribute('aria-activedescendant');
    }
    function render(suggestions) {
      items = suggestions;
      list.textContent = '';
      suggestions.forEach(function (s, i) {
        var li = document.createElement('li');
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        var kind = document.createElement('span');
        kind.className = 'suggest__kind';
        kind.textContent = KIND[s.kind] || s.kind;
        var text = document.createElement('span');
        text.textContent = s.kind === 'document' ? '《' + s.text + '》' : s.text;
        li.appendChild(kind);
        li.appendChild(text);
        if (s.matched) {
          var m = document.createElement('span');
          m.className = 'suggest__matched';
          m.textContent = s.matched;
          li.appendChild(m);
        }
        li.addEventListener('mousedown', function (e) { e.preventDefault(); location.href = s.page; });
        list.appendChild(li);
      });
      list.hidden = !suggestions.length;
      input.setAttribute('aria-expanded', String(!!suggestions.length));
      active = -1;
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (!q) { close(); return; }
      timer = setTimeout(function () {
        var mine = ++seq;
        fetch('/v1/suggest?limit=8&q=' + encodeURIComponent(q.slice(0, 50)), { headers: { accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
          .then(function (body) { if (mine === seq && input.value.trim() === q) render(body.suggestions || []); })
          .catch(function () { close(); });
      }, 150);
    });
    input.addEventListener('keydown', function (e) {
      if (list.hidden) return;
      if (e.key === 'ArrowDown') { e.preventDefault(); select((active + 1) % items.length); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); select(active <= 0 ? items.length - 1 : active - 1); }
      else if (e.key === 'Escape') { close(); }
      else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); location.href = items[active].page; }
    });
    input.addEventListener('blur', function () { setTimeout(close, 100); });
  });
})();
