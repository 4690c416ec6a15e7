// The sign-up form: preselect the visitor's own time zone (without script the form keeps UTC).
(function () {
  var form = document.querySelector('form[data-zone-guess]');
  var select = document.getElementById('timezone');
  if (!form || !select || !window.Intl) { return; }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (var i = 0; zone && i < select.options.length; i++) {
    if (select.options[i].value === zone) { select.selectedIndex = i; return; }
  }
})();
