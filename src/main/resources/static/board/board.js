// The exchange board: polls the snapshot every 3 s and ticks the countdowns every second.
(function () {
  'use strict';
  var POLL_MS = 3000;
  var skew = 0; // server clock minus browser clock, so the countdown follows the server
  var STATUS_ORDER = ['CANDIDATE', 'PROPOSED', 'RESERVE', 'TRACKED', 'AWAITING_VERIFICATION', 'VERIFIED',
    'FAILED_VERIFICATION', 'SCHEDULED', 'HANDED_OVER', 'REPATRIATED', 'NOT_EXCHANGED'];
  var SIDES = { BRING_HOME: 'Ours to bring home', RELEASE: 'Theirs we release' };

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }
  function td(text, cls) { return el('td', cls ? { 'class': cls, text: String(text) } : { text: String(text) }); }
  function th(text, cls) { return el('th', cls ? { 'class': cls, text: text } : { text: text }); }
  function table(head, rows) {
    return el('table', {}, [el('thead', {}, [el('tr', {}, head)]), el('tbody', {}, rows)]);
  }
  function fmtTime(iso) { return iso ? new Date(iso).toISOString().replace('T', ' ').substring(0, 16) + ' UTC' : ''; }

  // "in 35 h 12 min 04 s" or "passed 1 h 02 min ago"
  function countdown(iso) {
    var ms = new Date(iso).getTime() - (Date.now() + skew);
    var past = ms < 0;
    var s = Math.floor(Math.abs(ms) / 1000);
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    var text = h + ' h ' + String(m).padStart(2, '0') + ' min ' + String(sec).padStart(2, '0') + ' s';
    return { past: past, text: past ? 'passed ' + text + ' ago' : 'in ' + text };
  }
  function tick() {
    document.querySelectorAll('[data-countdown]').forEach(function (n) {
      var c = countdown(n.getAttribute('data-countdown'));
      n.textContent = c.text;
      n.className = 'countdown ' + (c.past ? n.getAttribute('data-past-class') : '');
    });
  }

  function peopleTable(people) {
    var statuses = STATUS_ORDER.filter(function (s) {
      return Object.keys(people).some(function (side) { return people[side][s]; });
    });
    if (!statuses.length) { return el('p', { 'class': 'muted', text: 'No one on the lists yet.' }); }
    var rows = Object.keys(SIDES).filter(function (s) { return people[s]; }).map(function (side) {
      return el('tr', {}, [td(SIDES[side])].concat(statuses.map(function (s) { return td(people[side][s] || 0, 'num'); })));
    });
    return table([th('Side')].concat(statuses.map(function (s) { return th(s.replace(/_/g, ' ').toLowerCase(), 'num'); })), rows);
  }

  function phasesTable(ex) {
    if (!ex.phases.length) { return el('p', { 'class': 'muted', text: 'No phase planned yet (before ratification).' }); }
    var live = ['PLANNED', 'IN_PROGRESS', 'OVERDUE', 'SUSPENDED'];
    var rows = ex.phases.map(function (p) {
      var clock = live.indexOf(p.status) >= 0;
      var par = p.parity;
      return el('tr', { 'data-phase': p.phaseNo }, [
        td(p.phaseNo, 'num'), td(p.status.replace(/_/g, ' ').toLowerCase()), td(p.plannedSize, 'num'),
        td(par.scheduledBringHome + ' / ' + par.scheduledRelease, 'num'),
        td(par.received + ' / ' + par.handedOver, 'num'),
        td(par.scheduledArt109BringHome + ' / ' + par.scheduledArt109Release + ' · crossed ' + par.art109Received + ' / ' + par.art109HandedOver, 'num'),
        el('td', { 'class': par.holds ? 'ok' : 'bad', text: par.holds ? (par.final ? 'holds' : 'balanced') : 'does not hold' }),
        el('td', {}, clock ? [el('span', { 'class': 'countdown', 'data-countdown': p.warnAt, 'data-past-class': 'warn' }),
          el('div', { 'class': 'muted', text: fmtTime(p.warnAt) })] : [el('span', { 'class': 'muted', text: '–' })]),
        el('td', {}, clock ? [el('span', { 'class': 'countdown', 'data-countdown': p.dueAt, 'data-past-class': 'bad' }),
          el('div', { 'class': 'muted', text: fmtTime(p.dueAt) })] : [el('span', { 'class': 'muted', text: fmtTime(p.dueAt) })])
      ]);
    });
    return table([th('Phase', 'num'), th('Status'), th('Planned', 'num'), th('Scheduled ours / theirs', 'num'),
      th('Crossed: received / handed over', 'num'), th('Art. 109, apart from parity: scheduled · crossed', 'num'),
      th('Parity'), th('36-hour warning'), th('48-hour deadline')], rows);
  }

  function tasksTable(ex) {
    if (!ex.tasks.length) { return el('p', { 'class': 'muted', text: 'No open task: the process is working or waiting for an external party.' }); }
    var rows = ex.tasks.map(function (a) {
      return el('tr', {}, [td(a.agencyName), td(a.open, 'num'),
        el('td', { 'class': a.overdue ? 'num overdue' : 'num', text: a.overdue ? a.overdue + ' overdue' : '0' }),
        el('td', {}, a.tasks.map(function (t) {
          return el('div', { 'class': t.overdue ? 'overdue' : '' }, [t.name + (t.overdue ? ' – OVERDUE since ' + fmtTime(t.due)
            : t.due ? ' (due ' + fmtTime(t.due) + ')' : '') + (t.assignee ? ' – ' + t.assignee : '')]);
        }))]);
    });
    return table([th('Agency'), th('Open', 'num'), th('Overdue', 'num'), th('Tasks')], rows);
  }

  function incidents(ex) {
    if (!ex.incidents.length) { return el('p', { 'class': 'muted', text: 'No incident.' }); }
    return el('ul', {}, ex.incidents.map(function (i) {
      return el('li', { 'class': 'incident' }, [fmtTime(i.time) + ' – ' + i.activityId + ': ' + (i.message || i.type)]);
    }));
  }

  function render(data) {
    skew = new Date(data.now).getTime() - Date.now();
    var root = document.getElementById('exchanges');
    root.replaceChildren();
    if (!data.exchanges.length) {
      root.appendChild(el('p', { 'class': 'muted', text: 'No running exchange.' }));
    }
    data.exchanges.forEach(function (ex) {
      var cockpit = ex.processInstanceId ? el('a', { href: '/camunda/app/cockpit/default/#/process-instance/' + ex.processInstanceId + '/runtime', text: 'Cockpit' }) : null;
      root.appendChild(el('section', { 'class': 'exchange', 'data-exchange': ex.id }, [
        el('h2', {}, [ex.agreementRef + (ex.title ? ' – ' + ex.title : ''), el('span', { 'class': 'stage', text: ex.stage.replace(/_/g, ' ') })]),
        el('div', { 'class': 'muted' }, ['Formula ' + ex.formulaSize + ' for ' + ex.formulaSize
          + (ex.ratifiedAt ? ' · ratified ' + fmtTime(ex.ratifiedAt) : ' · not ratified yet') + ' · ', cockpit]),
        el('h3', { text: 'Phases: parity counted (art. 109 apart) and the clock' }), phasesTable(ex),
        el('div', { 'class': 'grid' }, [
          el('div', {}, [el('h3', { text: 'People by status per side' }), peopleTable(ex.people)]),
          el('div', {}, [el('h3', { text: 'Open tasks per agency' }), tasksTable(ex)]),
          el('div', {}, [el('h3', { text: 'Incidents' }), incidents(ex)])
        ])
      ]));
    });
    tick();
    document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
  }

  function poll() {
    fetch('api/snapshot', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (r.status === 401 || r.status === 403) { throw new Error(r.status === 401 ? 'Signed out: sign in to Tasklist again.' : 'Refused: the board is for the Coordination Staff.'); }
        if (!r.ok) { throw new Error('The board could not be refreshed (' + r.status + ').'); }
        return r.json();
      })
      .then(function (d) { document.getElementById('error').hidden = true; render(d); })
      .catch(function (e) { var n = document.getElementById('error'); n.textContent = e.message; n.hidden = false; })
      .finally(function () { setTimeout(poll, POLL_MS); });
  }

  document.getElementById('search-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var q = document.getElementById('search').value.trim();
    var out = document.getElementById('search-results');
    if (!q) { out.replaceChildren(); return; }
    fetch('api/people?name=' + encodeURIComponent(q), { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (hits) {
        if (!Array.isArray(hits)) { out.replaceChildren(el('p', { 'class': 'error', text: hits.detail || 'refused' })); return; }
        out.replaceChildren(hits.length ? table([th('Exchange'), th('Name'), th('Born'), th('Side'), th('Status'), th('Phase', 'num')],
          hits.map(function (h) {
            return el('tr', {}, [td(h.agreementRef), td(h.familyName + ' ' + h.givenName), td(h.birthDate || ''),
              td(SIDES[h.side] || h.side), td(h.status.replace(/_/g, ' ').toLowerCase()), td(h.phaseNo || '–', 'num')]);
          })) : el('p', { 'class': 'muted', text: 'No one of that name on a running exchange.' }));
      });
  });

  setInterval(tick, 1000);
  poll();
})();
