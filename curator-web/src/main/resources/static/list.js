// The filter box filters as one types: entries whose title, description or URL do not contain the
// text are hidden, topics left without entries too, and the count is said in a live region.
// Without this script the same filter runs on the server (the form's GET ?q=).
(function () {
  'use strict';
  var input = document.getElementById('filter');
  var count = document.getElementById('filter-count');
  var root = document.getElementById('entries');
  if (!input || !count || !root) { return; }
  var entries = null, topics = null, timer = null;

  function index() {
    entries = Array.prototype.map.call(root.querySelectorAll('li.entry'), function (li) {
      var link = li.querySelector('a.target');
      var parts = [li.querySelector('.target'), li.querySelector('.desc'), li.querySelector('.url')]
        .map(function (element) { return element ? element.textContent : ''; });
      if (link) { parts.push(link.getAttribute('href')); }
      return { li: li, text: parts.join('\n').toLowerCase(), topic: li.closest('section.topic') };
    });
    topics = Array.prototype.slice.call(root.querySelectorAll('section.topic'));
  }

  function apply() {
    if (!entries) { index(); }
    var needle = input.value.trim().toLowerCase(), shown = 0, open = new Set();
    entries.forEach(function (entry) {
      var match = !needle || entry.text.indexOf(needle) >= 0;
      entry.li.hidden = !match;
      if (match) {
        shown++;
        for (var topic = entry.topic; topic && !open.has(topic); topic = topic.parentElement.closest('section.topic')) {
          open.add(topic);
        }
      }
    });
    topics.forEach(function (topic) { topic.hidden = !!needle && !open.has(topic); });
    count.textContent = count.getAttribute('data-of')
      .replace('{shown}', shown.toLocaleString()).replace('{total}', entries.length.toLocaleString());
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 150);
  });
})();
