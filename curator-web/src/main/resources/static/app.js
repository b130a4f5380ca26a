// The pages work without this script; it adds what a browser can do better: times in the reader's
// time zone, the CSRF header on htmx requests, progress while a form is sent, keyboard shortcuts.
(function () {
  'use strict';

  function localTimes(root) {
    var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
      { dateStyle: 'medium', timeStyle: 'short' });
    root.querySelectorAll('time[datetime]').forEach(function (time) {
      var when = new Date(time.getAttribute('datetime'));
      if (!isNaN(when)) { time.textContent = format.format(when); time.title = time.getAttribute('datetime'); }
    });
  }

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var header = meta('csrf-header'), token = meta('csrf-token');
    if (header && token) { event.detail.headers[header] = token; }
  });

  // a form being sent says so, and cannot be sent twice
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.hasAttribute('hx-post') || form.hasAttribute('hx-get')) { return; }
    form.querySelectorAll('button[type=submit]').forEach(function (button) {
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
      var working = button.getAttribute('data-working');
      if (working) { button.textContent = working; }
    });
  });

  // shortcuts never fire while typing
  function typing(target) {
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var target = document.querySelector('[data-shortcut="' + event.key + '"]');
    if (!target) { return; }
    event.preventDefault();
    if (target.tagName === 'A') { window.location.href = target.href; } else { target.focus(); target.click(); }
  });

  document.addEventListener('DOMContentLoaded', function () { localTimes(document); });
  document.addEventListener('htmx:afterSwap', function (event) { localTimes(event.target); });
})();
