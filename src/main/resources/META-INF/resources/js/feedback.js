// The feedback page records the choice at once; without script its button does the same POST.
(function () {
  var form = document.getElementById('feedback');
  if (form) { form.submit(); }
})();
