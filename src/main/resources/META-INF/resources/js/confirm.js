// The confirmation page confirms at once; without script its button does the same POST.
(function () {
  var form = document.getElementById('confirm');
  if (form) { form.submit(); }
})();
