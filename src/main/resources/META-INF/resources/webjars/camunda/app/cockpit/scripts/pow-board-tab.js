// pow-exchange: a tab "Exchange board" on a process instance in Cockpit
// (plugin point cockpit.processInstance.runtime.tab): the exchange's row of the Staff's board, with a link
// to the whole board. The exchange is the instance's business key (called processes inherit it).
function esc(s) {
  return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
    return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
  });
}

function summary(ex) {
  var phases = ex.phases.map(function (p) {
    return '<tr><td>' + p.phaseNo + '</td><td>' + esc(p.status) + '</td><td>' + p.parity.received + ' / '
      + p.parity.handedOver + '</td><td>' + p.parity.art109Received + ' / ' + p.parity.art109HandedOver
      + '</td><td>' + esc(p.warnAt) + '</td><td>' + esc(p.dueAt) + '</td></tr>';
  }).join('');
  var tasks = ex.tasks.map(function (a) {
    return '<li>' + esc(a.agencyName) + ': ' + a.open + ' open' + (a.overdue ? ', <b style="color:#b3261e">'
      + a.overdue + ' overdue</b>' : '') + '</li>';
  }).join('');
  return '<h4>' + esc(ex.agreementRef) + ' – stage ' + esc(ex.stage) + '</h4>'
    + '<table class="cam-table"><thead><tr><th>Phase</th><th>Status</th><th>Received / handed over</th>'
    + '<th>Art. 109 apart</th><th>36-hour warning</th><th>48-hour deadline</th></tr></thead><tbody>'
    + (phases || '<tr><td colspan="6">No phase planned yet</td></tr>') + '</tbody></table>'
    + '<p>Open tasks:</p><ul>' + (tasks || '<li>none</li>') + '</ul>'
    + '<p>Incidents: ' + ex.incidents.length + '</p>';
}

export default {
  id: 'pow-exchange-board-tab',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 5,
  label: 'Exchange board',
  render: function (node, ctx) {
    var instanceId = ctx && ctx.processInstanceId;
    node.innerHTML = '<p><a class="pow-board-open" href="/board/" target="_blank" rel="noopener">Open the exchange board</a></p>'
      + '<div class="pow-board-summary">loading…</div>';
    var out = node.querySelector('.pow-board-summary');
    fetch('/board/api/snapshot', { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error(r.status === 403 ? 'The board is for the Coordination Staff and administrators.' : 'HTTP ' + r.status); }
      return r.json();
    }).then(function (data) {
      return fetch('/camunda/api/engine/engine/default/process-instance/' + encodeURIComponent(instanceId), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : {}; })
        .then(function (pi) {
          var ex = data.exchanges.filter(function (e) { return e.id === pi.businessKey || e.processInstanceId === instanceId; })[0];
          out.innerHTML = ex ? summary(ex) : 'This process instance is not a running exchange.';
        });
    }).catch(function (e) { out.textContent = e.message; });
  }
};
