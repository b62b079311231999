// pow-exchange: "Exchange board" in Tasklist's header (plugin point tasklist.navbar.action), shown to the
// Coordination Staff and administrators only: the board itself answers 403 to anyone else.
export default {
  id: 'pow-exchange-board-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 10,
  render: function (node) {
    fetch('/board/api/access', { credentials: 'same-origin' }).then(function (r) {
      // the answer, for the browser tests: they wait for it instead of for a fixed time
      node.setAttribute('data-pow-board-access', r.ok ? 'granted' : 'refused');
      if (!r.ok) { return; }
      var a = document.createElement('a');
      a.href = '/board/';
      a.textContent = 'Exchange board';
      a.className = 'pow-board-link';
      a.setAttribute('title', 'Every running exchange: parity, the 48-hour clock, open tasks, incidents');
      node.appendChild(a);
    });
  }
};
