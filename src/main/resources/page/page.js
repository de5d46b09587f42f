// While a reconcile runs the server renders data-running="true": reload until a page says it is done.
// The scroll position and the #anchor survive the reload.
(function () {
  if (document.body.dataset.running !== 'true') {
    return;
  }
  setTimeout(function () {
    sessionStorage.setItem('plumbline-scroll', String(window.scrollY));
    location.reload();
  }, 2000);
})();
(function () {
  var y = sessionStorage.getItem('plumbline-scroll');
  if (y !== null) {
    sessionStorage.removeItem('plumbline-scroll');
    window.scrollTo(0, Number(y));
  }
})();
