// The settings pages: copy the webhook's signing secret (shown once) to the clipboard.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('copy-secret');
    if (!button) { return; }
    button.addEventListener('click', function () {
      var field = document.getElementById(button.getAttribute('data-copy'));
      var status = document.getElementById('copy-status');
      if (!field) { return; }
      field.select();
      var done = function () { if (status) { status.textContent = button.getAttribute('data-copied'); } };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand('copy'); done(); });
      } else {
        document.execCommand('copy');
        done();
      }
    });
  });
})();
