// ofiipack serve — the local web form (SPEC §5).
// Vanilla JavaScript, no framework, nothing fetched from the network:
// the page only talks to the ofiipack server that served it.
'use strict';

(function () {
  var NB = '\u00a0'; // no-break space, before « : ; ? ! » and inside « »

  var form = document.getElementById('dossier');
  if (!form) { return; }

  var els = {
    problems: document.getElementById('problems'),
    announce: document.getElementById('announce'),
    status: document.getElementById('status'),
    downloadStatus: document.getElementById('download-status'),
    serverStatus: document.getElementById('server-status'),
    requests: document.getElementById('requests'),
    requestsEmpty: document.getElementById('requests-empty'),
    requestTemplate: document.getElementById('request-template'),
    lineTemplate: document.getElementById('line-template'),
    orgLines: document.getElementById('organisation-address-lines'),
    next: document.getElementById('plan-next'),
    deadlines: document.getElementById('plan-deadlines'),
    warnings: document.getElementById('plan-warnings'),
    fees: document.getElementById('plan-fees'),
    panelDeadlines: document.getElementById('panel-deadlines'),
    panelWarnings: document.getElementById('panel-warnings'),
    panelFees: document.getElementById('panel-fees'),
    checklist: document.getElementById('checklist'),
    checklistKept: document.getElementById('checklist-kept'),
    checklistCount: document.getElementById('checklist-count'),
    openFile: document.getElementById('open-file'),
    newFile: document.getElementById('btn-new'),
    addRequest: document.getElementById('add-request')
  };

  var DEFAULT_KIND_LABELS = {
    deadline: 'Date limite',
    appointment: 'Rendez-vous',
    expiry: 'Fin de validité',
    milestone: 'Étape'
  };

  var state = {
    seq: 0,             // number of the last /check sent
    applied: 0,         // number of the last /check response applied
    touched: new Set(), // names of the fields the user has left at least once
    showAll: false,     // after a download or an open: show every problem
    problems: [],
    openProblems: [],   // problems of an opened file that the form cannot show
    plan: null,
    nextStepText: '',
    kindLabels: DEFAULT_KIND_LABELS,
    docsReady: new Set(),
    checklist: null,    // the last checklist received
    announced: new Set(),
    dirty: false,
    busy: false,
    timer: 0,
    pendingReason: ''
  };

  // Conditional sections: opener checkbox (not posted) → fieldset.
  var SECTIONS = [
    { opener: 'has-host', section: 'applicant-hosted_by', prefixes: ['applicant.hosted_by.'] },
    { opener: 'has-asylum', section: 'section-asylum', prefixes: ['situation.asylum_registered_on'] },
    { opener: 'has-child', section: 'situation-sick_child', prefixes: ['situation.sick_child.'] },
    { opener: 'has-decision', section: 'procedure-decision', prefixes: ['procedure.decision.'] }
  ];

  // ---------------------------------------------------------------- helpers

  function idOf(name) { return name.replace(/\./g, '-'); }

  function byId(id) { return document.getElementById(id); }

  function make(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }

  function capitalise(s) {
    s = String(s || '');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  // "2026-12-16" → "16/12/2026"
  function frDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    return m ? m[3] + '/' + m[2] + '/' + m[1] : (iso || '');
  }

  // "16/12/2026" → "2026-12-16" when it is a real day, else ""
  function isoFromFr(s) {
    var m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s || '');
    if (!m) { return ''; }
    var y = +m[3], mo = +m[2], d = +m[1];
    var t = new Date(Date.UTC(y, mo - 1, d));
    if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) { return ''; }
    return m[3] + '-' + m[2] + '-' + m[1];
  }

  function pad2(s) { s = String(s); return s.length < 2 ? '0' + s : s; }

  // What people type → JJ/MM/AAAA: 1/2/2024, 01.02.2024, 01022024, 2024-02-01.
  function normaliseDate(v) {
    var s = v.trim(), m;
    if ((m = /^(\d{1,2})[\/.\- ](\d{1,2})[\/.\- ](\d{4})$/.exec(s))) {
      return pad2(m[1]) + '/' + pad2(m[2]) + '/' + m[3];
    }
    if ((m = /^(\d{2})(\d{2})(\d{4})$/.exec(s))) { return m[1] + '/' + m[2] + '/' + m[3]; }
    if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) { return pad2(m[3]) + '/' + pad2(m[2]) + '/' + m[1]; }
    return s;
  }

  var euro = (function () {
    try {
      var f = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
      return function (n) { return f.format(n).replace(/\u202f/g, NB) + NB + '€'; };
    } catch (e) {
      return function (n) { return String(n) + NB + '€'; };
    }
  })();

  function plural(n, one, many) { return (Math.abs(n) < 2 ? one : many); }

  function daysLeftText(n) {
    if (typeof n !== 'number') { return ''; }
    if (n === 0) { return 'aujourd’hui'; }
    if (n === 1) { return 'demain'; }
    if (n > 1) { return 'dans ' + n + NB + 'jours'; }
    if (n === -1) { return 'hier'; }
    return 'il y a ' + (-n) + NB + 'jours';
  }

  function kindLabel(kind) {
    return (state.kindLabels && state.kindLabels[kind]) || DEFAULT_KIND_LABELS[kind] || kind || '';
  }

  // Keep an announcement short, and repeat it if the same text comes again.
  var announceTimer = 0;
  function announce(text) {
    if (!text) { return; }
    clearTimeout(announceTimer);
    els.announce.textContent = '';
    announceTimer = setTimeout(function () { els.announce.textContent = text; }, 120);
  }

  function setServerStatus(text) {
    if (text) {
      els.serverStatus.textContent = text;
      els.serverStatus.hidden = false;
    } else {
      els.serverStatus.textContent = '';
      els.serverStatus.hidden = true;
    }
  }

  function httpTrouble(status) {
    if (status === 403) {
      return 'Accès refusé par ofiipack. Si vous l’avez relancé, ouvrez la nouvelle adresse qu’il affiche dans la fenêtre du terminal.';
    }
    return 'ofiipack a répondu par une erreur (code ' + status + '). Réessayez ; si cela continue, enregistrez le fichier du dossier et relancez ofiipack.';
  }

  var NETWORK_TROUBLE = 'ofiipack ne répond pas : vérifiez que la fenêtre du terminal où il tourne est toujours ouverte, puis réessayez.';

  function post(url, body) {
    return fetch(url, { method: 'POST', body: body, credentials: 'same-origin', cache: 'no-store' });
  }

  // ------------------------------------------------------------ date fields

  function pickerOf(input) { return byId(input.id + '-picker'); }

  function syncPicker(input) {
    var p = pickerOf(input);
    if (p) { p.value = isoFromFr(input.value.trim()); }
  }

  function isDateText(el) { return el && el.classList && el.classList.contains('date-text'); }

  // --------------------------------------------------- conditional sections

  function setSection(sec, open) {
    var opener = byId(sec.opener);
    var fs = byId(sec.section);
    if (!opener || !fs) { return; }
    opener.checked = open;
    fs.hidden = !open;
    fs.disabled = !open;
  }

  function sectionOf(openerId) {
    for (var i = 0; i < SECTIONS.length; i++) {
      if (SECTIONS[i].opener === openerId) { return SECTIONS[i]; }
    }
    return null;
  }

  // An examination has an appointment date; the refusal fields only apply
  // to a refusal (or while the outcome is not chosen yet).
  function applyRowKind(row) {
    var kind = row.querySelector('select[name$=".kind"]');
    var box = row.querySelector('.appointment');
    if (!kind || !box) { return; }
    var show = kind.value === 'examination';
    box.hidden = !show;
    var inputs = box.querySelectorAll('input');
    for (var i = 0; i < inputs.length; i++) { inputs[i].disabled = !show; }
  }

  function applyOutcome() {
    var outcome = byId('procedure-decision-outcome');
    var box = byId('refusal-only');
    if (!outcome || !box) { return; }
    var show = outcome.value !== 'granted';
    box.hidden = !show;
    var ctl = box.querySelectorAll('input, select');
    for (var i = 0; i < ctl.length; i++) { ctl[i].disabled = !show; }
  }

  // ---------------------------------------------------------- OFII requests

  var REQ_RE = /(ofii_requests[.\-])\d+/g;

  function requestRows() { return els.requests.querySelectorAll('.request'); }

  function renumberRequests() {
    var rows = requestRows();
    for (var i = 0; i < rows.length; i++) { renumber(rows[i], i); }
    els.requestsEmpty.hidden = rows.length > 0;
  }

  function renumber(row, i) {
    var attrs = ['id', 'name', 'for', 'aria-describedby', 'data-for', 'aria-controls'];
    var all = [row].concat(Array.prototype.slice.call(row.querySelectorAll('*')));
    for (var k = 0; k < all.length; k++) {
      for (var a = 0; a < attrs.length; a++) {
        var v = all[k].getAttribute(attrs[a]);
        if (v && v.indexOf('ofii_requests') >= 0) {
          all[k].setAttribute(attrs[a], v.replace(REQ_RE, '$1' + i));
        }
      }
    }
    var nums = row.querySelectorAll('.num');
    for (var n = 0; n < nums.length; n++) { nums[n].textContent = String(i + 1); }
    var pickers = row.querySelectorAll('input.picker');
    for (var p = 0; p < pickers.length; p++) {
      var lab = row.querySelector('label[for="' + pickers[p].getAttribute('data-for') + '"]');
      if (lab) {
        var t = lab.firstChild ? lab.firstChild.textContent.trim() : '';
        pickers[p].setAttribute('aria-label', t + ' (demande n°' + NB + (i + 1) + ')' + NB + ': choisir dans le calendrier');
      }
    }
  }

  function addRequest() {
    var frag = els.requestTemplate.content.cloneNode(true);
    var row = frag.querySelector('.request');
    els.requests.appendChild(frag);
    renumberRequests();
    applyRowKind(row);
    return row;
  }

  function removeRequest(row) {
    var rows = Array.prototype.slice.call(requestRows());
    var index = rows.indexOf(row);
    row.parentNode.removeChild(row);
    // The fields of the following rows move up: so does what was touched.
    var moved = new Set();
    state.touched.forEach(function (name) {
      var m = /^procedure\.ofii_requests\.(\d+)\.(.*)$/.exec(name);
      if (!m) { moved.add(name); return; }
      var n = +m[1];
      if (n === index) { return; }
      moved.add(n > index ? 'procedure.ofii_requests.' + (n - 1) + '.' + m[2] : name);
    });
    state.touched = moved;
    renumberRequests();
    var left = requestRows();
    if (left.length > 0) {
      var target = left[Math.min(index, left.length - 1)].querySelector('input.date-text');
      if (target) { target.focus(); }
    } else {
      els.addRequest.focus();
    }
    announce('Demande retirée.');
    markDirty();
    scheduleCheck(50, 'change');
  }

  // ------------------------------------------------- organisation address

  function ensureOrgLines(n) {
    var have = els.orgLines.querySelectorAll('input').length;
    for (var i = have; i < n; i++) {
      var frag = els.lineTemplate.content.cloneNode(true);
      var box = frag.querySelector('.field');
      var all = box.querySelectorAll('[id], [for], [name]');
      for (var k = 0; k < all.length; k++) {
        ['id', 'for', 'name'].forEach(function (a) {
          var v = all[k].getAttribute(a);
          if (v) { all[k].setAttribute(a, v.replace(/address([.\-])0/, 'address$1' + i)); }
        });
      }
      box.querySelector('.num').textContent = String(i + 1);
      els.orgLines.appendChild(frag);
    }
  }

  // -------------------------------------------------------------- problems

  function normalisePath(p) {
    return String(p || '').replace(/\[(\d+)\]/g, '.$1').replace(/^\.+|\.+$/g, '');
  }

  // The element a problem belongs to: the input named by its path, or the
  // fieldset of a section or list; climbing up the path if needed.
  function targetOf(path) {
    var p = normalisePath(path);
    while (p) {
      var e = byId(idOf(p));
      if (e && !e.closest('template') && isShown(e)) { return { el: e, path: p }; }
      var cut = p.lastIndexOf('.');
      p = cut < 0 ? '' : p.slice(0, cut);
    }
    return null;
  }

  function isShown(e) {
    for (var x = e; x && x !== document.body; x = x.parentElement) {
      if (x.hidden) { return false; }
    }
    return true;
  }

  function isGroup(e) { return e.tagName === 'FIELDSET'; }

  function wasTouched(t) {
    if (state.showAll) { return true; }
    if (!isGroup(t.el)) { return state.touched.has(t.path); }
    var prefix = t.path + '.';
    var hit = false;
    state.touched.forEach(function (n) { if (n === t.path || n.indexOf(prefix) === 0) { hit = true; } });
    return hit;
  }

  function problemText(p) {
    var m = capitalise(p.message || '');
    return m;
  }

  function resetErrors() {
    var shown = form.querySelectorAll('.error:not([hidden])');
    for (var i = 0; i < shown.length; i++) {
      shown[i].hidden = true;
      clear(shown[i]);
    }
    var invalid = form.querySelectorAll('[aria-invalid]');
    for (var j = 0; j < invalid.length; j++) {
      invalid[j].removeAttribute('aria-invalid');
      restoreDescribedBy(invalid[j]);
    }
    var groups = form.querySelectorAll('fieldset[data-described]');
    for (var k = 0; k < groups.length; k++) { restoreDescribedBy(groups[k]); }
  }

  function restoreDescribedBy(e) {
    var base = e.getAttribute('data-describedby-base');
    if (base === null) { return; }
    if (base) { e.setAttribute('aria-describedby', base); } else { e.removeAttribute('aria-describedby'); }
    e.removeAttribute('data-describedby-base');
    e.removeAttribute('data-described');
  }

  function describeWith(e, errId) {
    if (e.getAttribute('data-describedby-base') === null) {
      e.setAttribute('data-describedby-base', e.getAttribute('aria-describedby') || '');
    }
    var base = e.getAttribute('data-describedby-base');
    e.setAttribute('aria-describedby', (errId + ' ' + base).trim());
    e.setAttribute('data-described', '1');
  }

  function docOrder(a, b) {
    if (a === b) { return 0; }
    return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) ? -1 : 1;
  }

  function fieldLabel(t) {
    var e = t.el;
    if (isGroup(e)) {
      var lg = e.querySelector('legend');
      return lg ? lg.textContent.trim() : t.path;
    }
    var lab = form.querySelector('label[for="' + e.id + '"]');
    if (!lab) { return t.path; }
    var text = lab.firstChild ? lab.firstChild.textContent.trim() : lab.textContent.trim();
    var row = e.closest('.request');
    if (row) {
      var num = row.querySelector('legend .num');
      text += ' (demande n°' + NB + (num ? num.textContent : '') + ')';
    }
    var line = e.closest('.line');
    if (line) {
      var fs = e.closest('fieldset');
      var lg2 = fs && fs.querySelector('legend');
      if (lg2) { text = lg2.textContent.trim() + ', ' + text.toLowerCase(); }
    }
    return text;
  }

  // Show the problems; returns the list of those shown, in page order.
  function renderProblems(reason) {
    resetErrors();
    var placed = [];   // {t, problems}
    var byTarget = new Map();
    var loose = [];    // no field to show them at
    state.problems.forEach(function (p) {
      var t = targetOf(p.path);
      if (!t) { loose.push(p); return; }
      var key = t.el.id;
      if (!byTarget.has(key)) {
        var entry = { t: t, problems: [] };
        byTarget.set(key, entry);
        placed.push(entry);
      }
      byTarget.get(key).problems.push(p);
    });

    var visible = [];
    placed.forEach(function (entry) {
      if (!wasTouched(entry.t)) { return; }
      var e = entry.t.el;
      var err = byId(e.id + '-error');
      if (!err) { loose = loose.concat(entry.problems); return; }
      clear(err);
      err.appendChild(make('span', 'visually-hidden', 'Erreur' + NB + ': '));
      entry.problems.forEach(function (p, i) {
        if (i > 0) { err.appendChild(document.createElement('br')); }
        err.appendChild(document.createTextNode(problemText(p)));
        if (p.hint) { err.appendChild(make('span', 'hint', capitalise(p.hint))); }
      });
      err.hidden = false;
      if (isGroup(e)) {
        describeWith(e, err.id);
      } else {
        e.setAttribute('aria-invalid', 'true');
        describeWith(e, err.id);
      }
      visible.push(entry);
    });
    visible.sort(function (a, b) { return docOrder(a.t.el, b.t.el); });

    renderSummary(visible, loose);
    renderStatus();
    announceNew(visible, loose, reason);
    return { visible: visible, loose: loose };
  }

  function renderSummary(visible, loose) {
    var box = els.problems;
    clear(box);
    var showLoose = state.showAll ? loose : [];
    var openOnes = state.openProblems;
    if (!state.showAll && openOnes.length === 0) { box.hidden = true; return; }
    var total = (state.showAll ? visible.length + showLoose.length : 0);
    if (total === 0 && openOnes.length === 0) { box.hidden = true; return; }

    if (total > 0) {
      var n = 0;
      visible.forEach(function (v) { n += v.problems.length; });
      n += showLoose.length;
      box.appendChild(make('h2', '', 'Le dossier n’est pas encore prêt' + NB + ': ' + n + NB +
        plural(n, 'point à corriger', 'points à corriger')));
      var ul = make('ul');
      visible.forEach(function (v) {
        v.problems.forEach(function (p) {
          var li = make('li');
          var a = make('a', '', fieldLabel(v.t));
          a.href = '#' + v.t.el.id;
          a.setAttribute('data-target', v.t.el.id);
          li.appendChild(a);
          li.appendChild(document.createTextNode(NB + ': ' + problemText(p)));
          ul.appendChild(li);
        });
      });
      showLoose.forEach(function (p) {
        var li = make('li', '', problemText(p) + (p.hint ? ' — ' + capitalise(p.hint) : ''));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    if (openOnes.length > 0) {
      box.appendChild(make('h2', '', 'Dans le fichier ouvert'));
      box.appendChild(make('p', '', 'Ces points du fichier n’ont pas pu être repris dans le formulaire' + NB + ':'));
      var ul2 = make('ul');
      openOnes.forEach(function (p) {
        var where = normalisePath(p.path);
        ul2.appendChild(make('li', '', (where ? where + NB + ': ' : '') + problemText(p) +
          (p.hint ? ' — ' + capitalise(p.hint) : '')));
      });
      box.appendChild(ul2);
    }
    box.hidden = false;
  }

  function renderStatus() {
    var n = state.problems.length;
    els.status.classList.remove('ok', 'bad');
    if (state.applied === 0) { els.status.textContent = ''; return; }
    if (n === 0) {
      els.status.textContent = 'Aucun problème' + NB + ': le dossier peut être téléchargé.';
      els.status.classList.add('ok');
    } else {
      els.status.textContent = n + NB + plural(n, 'point reste', 'points restent') + ' à compléter ou à corriger' +
        (state.showAll ? NB + ': voir la liste en haut du formulaire.' : '.');
      els.status.classList.add('bad');
    }
  }

  function announceNew(visible, loose, reason) {
    var now = new Set();
    var fresh = [];
    visible.forEach(function (v) {
      v.problems.forEach(function (p) {
        var key = v.t.el.id + '\u0000' + p.message;
        now.add(key);
        if (!state.announced.has(key)) { fresh.push(fieldLabel(v.t) + NB + ': ' + problemText(p)); }
      });
    });
    if (reason === 'input') {
      // Not while typing: keep what was announced, announce at the next change.
      state.announced.forEach(function (k) { if (!now.has(k)) { state.announced.delete(k); } });
      return;
    }
    state.announced = now;
    if (reason === 'download' || reason === 'open') { return; } // they say it themselves
    if (fresh.length === 1) { announce(fresh[0]); }
    else if (fresh.length > 1) { announce(fresh.length + NB + 'nouveaux problèmes. ' + fresh[0] + '…'); }
  }

  function focusFirstProblem(shown) {
    if (shown.visible.length > 0) {
      var e = shown.visible[0].t.el;
      if (isGroup(e)) {
        var first = e.querySelector('input:not([disabled]):not([type="hidden"]), select:not([disabled])');
        if (first && isShown(first)) { first.focus(); return; }
        e.setAttribute('tabindex', '-1');
        e.focus();
        return;
      }
      e.focus();
      return;
    }
    if (!els.problems.hidden) { els.problems.focus(); }
  }

  // ------------------------------------------------------------- the plan

  function renderPlan() {
    var plan = state.plan;
    renderNext(plan);
    if (!plan) {
      els.panelDeadlines.hidden = true;
      els.panelWarnings.hidden = true;
      els.panelFees.hidden = true;
      return;
    }
    renderDeadlines(plan.deadlines || []);
    renderWarnings(plan.warnings || []);
    renderFees(plan.fees || []);
    if (Array.isArray(plan.checklist)) {
      state.checklist = plan.checklist;
      renderChecklist();
    }
  }

  function renderNext(plan) {
    clear(els.next);
    if (!plan) {
      els.next.appendChild(make('p', 'muted', 'Le plan s’affiche dès que les champs obligatoires sont remplis sans erreur.'));
      return;
    }
    var ns = plan.next_step;
    if (ns) {
      var p = make('p', 'next-when');
      var dl = null;
      (plan.deadlines || []).forEach(function (d) { if (!dl && d.id === ns.id && d.date === ns.date) { dl = d; } });
      p.appendChild(document.createTextNode(kindLabel(ns.kind || (dl && dl.kind)) + NB + ': ' + frDate(ns.date)));
      if (dl && !ns.late && typeof dl.days_left === 'number') {
        p.appendChild(document.createTextNode(' (' + daysLeftText(dl.days_left) + ')'));
      }
      if (ns.late) { p.appendChild(document.createTextNode(' ')); p.appendChild(make('span', 'late', 'en retard')); }
      els.next.appendChild(p);
      if (dl && dl.post_by && !dl.done) {
        els.next.appendChild(make('p', 'post-by', 'À poster avant le ' + frDate(dl.post_by) + '.'));
      }
    }
    if (state.nextStepText) {
      els.next.appendChild(make('p', '', state.nextStepText));
    } else if (!ns) {
      els.next.appendChild(make('p', '', 'Aucune date à venir d’après ce qui est indiqué.'));
    }
  }

  // The warnings whose explanation is shown open: something must be done now.
  var URGENT = {
    decision_refused: true, appeal_period_missing: true, certificate_deadline_passed: true,
    implicit_refusal_reached: true, application_late: true, no_response_to_ofii: true
  };

  // A <summary> that says, to a screen reader, what it is about.
  function summaryFor(text, about) {
    var s = make('summary', '', text);
    if (about) { s.appendChild(make('span', 'visually-hidden', NB + ': ' + about)); }
    return s;
  }

  function renderDeadlines(list) {
    clear(els.deadlines);
    els.panelDeadlines.hidden = list.length === 0;
    list.forEach(function (d) {
      var li = make('li', 'kind-' + (d.kind || '') + (d.done ? ' is-done' : '') + (d.passed ? ' is-passed' : ''));
      var when = make('p', 'when', kindLabel(d.kind) + NB + ': ' + frDate(d.date));
      if (!d.done && !d.passed && typeof d.days_left === 'number') {
        when.appendChild(document.createTextNode(' (' + daysLeftText(d.days_left) + ')'));
      }
      if (d.done) { when.appendChild(document.createTextNode(' ')); when.appendChild(make('span', 'tag done', 'fait')); }
      else if (d.passed) { when.appendChild(document.createTextNode(' ')); when.appendChild(make('span', 'tag passed', 'date passée')); }
      li.appendChild(when);
      li.appendChild(make('p', 'title', d.title || d.id));
      if (d.post_by && !d.done) {
        li.appendChild(make('p', 'post-by', 'À poster avant le ' + frDate(d.post_by)));
      }
      if (d.non_working_day && !d.done && !d.passed && d.kind === 'deadline') {
        var nwd = 'Ce jour n’est pas ouvré' + (d.holiday ? ' (' + d.holiday + ')' : '') + NB + ': agissez avant.';
        li.appendChild(make('p', 'nwd', nwd));
      }
      if (d.detail || d.source) {
        var det = make('details');
        det.appendChild(summaryFor('Détails', d.title || ''));
        if (d.detail) { det.appendChild(make('p', '', d.detail)); }
        if (d.source) { det.appendChild(make('p', 'source', 'Source' + NB + ': ' + d.source)); }
        li.appendChild(det);
      }
      els.deadlines.appendChild(li);
    });
  }

  function renderWarnings(list) {
    clear(els.warnings);
    els.panelWarnings.hidden = list.length === 0;
    list.forEach(function (w) {
      var li = make('li');
      var head = w.title || w.short || '';
      var body = w.text || w.message || '';
      if (head) { li.appendChild(make('p', 'w-title', head)); }
      if (body && body !== head) {
        if (head) {
          var det = make('details');
          if (URGENT[w.id]) { det.open = true; }
          det.appendChild(summaryFor('Lire l’explication', head));
          det.appendChild(make('p', '', body));
          if (w.source) { det.appendChild(make('p', 'source', 'Source' + NB + ': ' + w.source)); }
          li.appendChild(det);
        } else {
          li.appendChild(make('p', '', body));
          if (w.source) { li.appendChild(make('p', 'source', 'Source' + NB + ': ' + w.source)); }
        }
      }
      els.warnings.appendChild(li);
    });
  }

  function renderFees(list) {
    clear(els.fees);
    els.panelFees.hidden = list.length === 0;
    list.forEach(function (f) {
      var li = make('li');
      var p = make('p');
      p.appendChild(make('strong', '', (f.title || f.id) + NB + ': ' + (typeof f.amount_eur === 'number' ? euro(f.amount_eur) : '')));
      li.appendChild(p);
      if (f.note) { li.appendChild(make('p', '', capitalise(f.note) + '.')); }
      if (f.source) { li.appendChild(make('p', 'source', 'Source' + NB + ': ' + f.source)); }
      els.fees.appendChild(li);
    });
  }

  function renderChecklist() {
    var list = state.checklist;
    clear(els.checklist);
    clear(els.checklistKept);
    var shownIds = new Set();
    if (list && list.length) {
      list.forEach(function (item) {
        shownIds.add(item.id);
        var li = make('li');
        var row = make('div', 'check');
        var cb = document.createElement('input');
        cb.type = 'checkbox';
        cb.name = 'documents_ready';
        cb.value = item.id;
        cb.id = 'documents_ready-' + item.id;
        var ready = state.docsReady.has(item.id);
        cb.checked = ready;
        var label = make('label', '', item.title || item.id);
        label.htmlFor = cb.id;
        if (item.done && !ready) {
          // Done by the procedure itself (the certificate was sent): shown, not posted.
          cb.checked = true;
          cb.disabled = true;
          cb.removeAttribute('name');
          label.appendChild(document.createTextNode(' '));
          label.appendChild(make('span', 'tag done', 'fait'));
        }
        row.appendChild(cb);
        row.appendChild(label);
        li.appendChild(row);
        if ((item.details && item.details.length) || item.source) {
          var det = make('details');
          det.appendChild(summaryFor('Détails', item.title || ''));
          if (item.details && item.details.length) {
            var ul = make('ul');
            item.details.forEach(function (t) { ul.appendChild(make('li', '', t)); });
            det.appendChild(ul);
          }
          if (item.source) { det.appendChild(make('p', 'source', 'Source' + NB + ': ' + item.source)); }
          li.appendChild(det);
        }
        els.checklist.appendChild(li);
      });
    } else {
      els.checklist.appendChild(make('li', 'muted', 'La liste s’affiche avec le plan.'));
    }
    // Pieces marked ready that the current plan does not list: kept as they
    // are in the file (a section may be reopened), not shown.
    state.docsReady.forEach(function (id) {
      if (shownIds.has(id)) { return; }
      var h = document.createElement('input');
      h.type = 'hidden';
      h.name = 'documents_ready';
      h.value = id;
      els.checklistKept.appendChild(h);
    });
    updateChecklistCount();
  }

  function updateChecklistCount() {
    var boxes = els.checklist.querySelectorAll('input[type="checkbox"]');
    if (!boxes.length) { els.checklistCount.textContent = ''; return; }
    var ready = 0;
    for (var i = 0; i < boxes.length; i++) { if (boxes[i].checked) { ready++; } }
    els.checklistCount.textContent = ready + NB + plural(ready, 'pièce prête', 'pièces prêtes') + ' sur ' + boxes.length + '.';
  }

  // ----------------------------------------------------------------- /check

  function scheduleCheck(delay, reason) {
    // A change or a blur outranks typing for the announcement.
    if (state.pendingReason !== 'change' && state.pendingReason !== 'open') { state.pendingReason = reason; }
    clearTimeout(state.timer);
    state.timer = setTimeout(function () {
      var r = state.pendingReason;
      state.pendingReason = '';
      runCheck(r);
    }, delay);
  }

  function runCheck(reason) {
    var mine = ++state.seq;
    var fd = new FormData(form);
    return post('/check', fd).then(function (res) {
      if (!res.ok && res.status !== 422) { throw { status: res.status }; }
      return res.json();
    }).then(function (json) {
      if (mine < state.applied) { return; } // an older answer, come late
      state.applied = mine;
      setServerStatus('');
      applyCheck(json, reason);
    }).catch(function (err) {
      if (mine < state.applied) { return; }
      setServerStatus(err && err.status ? httpTrouble(err.status) : NETWORK_TROUBLE);
    });
  }

  function applyCheck(json, reason) {
    json = json || {};
    state.problems = Array.isArray(json.problems) ? json.problems : [];
    if (json.kind_labels) { state.kindLabels = json.kind_labels; }
    state.plan = json.plan || null;
    state.nextStepText = json.next_step_text || '';
    renderPlan();
    return renderProblems(reason);
  }

  // ------------------------------------------------------------- downloads

  function filenameFrom(res, fallback) {
    var cd = res.headers.get('Content-Disposition') || '';
    var m = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(cd);
    if (m) {
      try { return decodeURIComponent(m[1].trim().replace(/^"|"$/g, '')); } catch (e) { /* fall through */ }
    }
    m = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(cd) || /filename\s*=\s*([^;]+)/i.exec(cd);
    if (m) {
      var name = m[1].trim().replace(/\\(.)/g, '$1');
      name = name.replace(/[\/\\]/g, '_');
      if (name) { return name; }
    }
    return fallback;
  }

  function saveBlob(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () {
      document.body.removeChild(a);
      URL.revokeObjectURL(url);
    }, 60000);
  }

  function showDownloadStatus(text, link) {
    clear(els.downloadStatus);
    if (text) { els.downloadStatus.appendChild(document.createTextNode(text)); }
    if (link) {
      els.downloadStatus.appendChild(document.createTextNode(' '));
      els.downloadStatus.appendChild(link);
    }
  }

  function download(btn) {
    if (state.busy) { return; }
    var endpoint = btn.getAttribute('data-endpoint');
    var mode = btn.getAttribute('data-mode');
    var fallback = btn.getAttribute('data-fallback');
    var what = btn.textContent.trim();
    state.busy = true;
    state.showAll = true;
    btn.setAttribute('aria-busy', 'true');
    clearTimeout(state.timer);
    showDownloadStatus('Préparation en cours…');
    var mine = ++state.seq;
    post(endpoint, new FormData(form)).then(function (res) {
      if (res.status === 422) {
        return res.json().then(function (json) {
          if (mine >= state.applied) { state.applied = mine; }
          var shown = applyCheck(json, 'download');
          var n = state.problems.length;
          var msg = 'Le document n’a pas été préparé' + NB + ': ' + n + NB +
            plural(n, 'point est à corriger', 'points sont à corriger') + ', signalés à côté des champs.';
          showDownloadStatus(msg);
          announce(msg);
          focusFirstProblem(shown);
        });
      }
      if (!res.ok) { throw { status: res.status }; }
      var name = filenameFrom(res, fallback);
      return res.blob().then(function (blob) {
        setServerStatus('');
        if (endpoint === '/yaml') { state.dirty = false; }
        if (mode === 'view') {
          var url = URL.createObjectURL(blob);
          var w = window.open(url, '_blank');
          if (!w) {
            var a = make('a', '', 'Ouvrir le dossier PDF');
            a.href = url;
            a.target = '_blank';
            a.rel = 'noopener';
            showDownloadStatus('Le navigateur a bloqué la nouvelle fenêtre.', a);
          } else {
            showDownloadStatus('Le dossier PDF est ouvert dans un nouvel onglet.');
          }
          setTimeout(function () { URL.revokeObjectURL(url); }, 10 * 60000);
        } else {
          saveBlob(blob, name);
          var done = 'Fichier « ' + name + ' » téléchargé.';
          done = done.replace('« ', '«' + NB).replace(' »', NB + '»');
          showDownloadStatus(done);
          announce(done);
        }
        // Refresh the problems and the plan shown (they are all fine now).
        runCheck('change');
      });
    }).catch(function (err) {
      var msg = err && err.status ? httpTrouble(err.status) : NETWORK_TROUBLE;
      showDownloadStatus(msg);
      announce(msg);
    }).then(function () {
      state.busy = false;
      btn.removeAttribute('aria-busy');
    });
    void what;
  }

  // ------------------------------------------------------- open and reset

  function resetForm(keepDate) {
    var dateInput = byId('date');
    var date = dateInput ? dateInput.value : '';
    form.reset();
    clear(els.requests);
    renumberRequests();
    var extra = els.orgLines.querySelectorAll('.field');
    for (var i = 4; i < extra.length; i++) { extra[i].parentNode.removeChild(extra[i]); }
    SECTIONS.forEach(function (s) { setSection(s, false); });
    // Options added for values from a file that the lists do not know.
    var added = form.querySelectorAll('option[data-added]');
    for (var k = 0; k < added.length; k++) { added[k].parentNode.removeChild(added[k]); }
    applyOutcome();
    if (keepDate && dateInput) { dateInput.value = date; }
    var pickers = form.querySelectorAll('input.picker');
    for (var p = 0; p < pickers.length; p++) { pickers[p].value = ''; }
    state.docsReady = new Set();
    state.checklist = null;
    state.touched = new Set();
    state.announced = new Set();
    state.showAll = false;
    state.problems = [];
    state.openProblems = [];
    state.plan = null;
    state.nextStepText = '';
    renderChecklist();
    renderPlan();
    resetErrors();
    els.problems.hidden = true;
    showDownloadStatus('');
    state.dirty = false;
  }

  function setValue(name, values) {
    var list = form.querySelectorAll('[name="' + name.replace(/"/g, '\\"') + '"]');
    if (!list.length) { return false; }
    for (var i = 0; i < list.length; i++) {
      var e = list[i];
      if (e.type === 'checkbox') {
        e.checked = values.indexOf(e.value) >= 0;
      } else if (e.tagName === 'SELECT') {
        var v = values[0] === undefined ? '' : String(values[0]);
        if (e.name === 'situation.polygamy_declaration') {
          if (v === 'true') { v = 'yes'; } else if (v === 'false') { v = 'no'; }
        }
        var known = Array.prototype.some.call(e.options, function (o) { return o.value === v; });
        if (!known && v !== '') {
          var o = make('option', '', v);
          o.value = v;
          o.setAttribute('data-added', '1');
          e.appendChild(o);
        }
        e.value = v;
      } else if (e.type !== 'hidden') {
        e.value = values[0] === undefined ? '' : String(values[0]);
        if (isDateText(e)) { syncPicker(e); }
      }
    }
    return true;
  }

  function hasValue(fields, prefix) {
    return Object.keys(fields).some(function (k) {
      if (k !== prefix && k.indexOf(prefix) !== 0) { return false; }
      var v = fields[k];
      return Array.isArray(v) ? v.some(function (x) { return String(x).trim() !== ''; }) : String(v || '').trim() !== '';
    });
  }

  // Lists of values (checkboxes) may come as one name with several values,
  // or as indexed names (documents_ready.0, documents_ready.1…): one form.
  var VALUE_LISTS = ['situation.residence_proofs', 'situation.refusal_grounds', 'documents_ready'];

  function mergeIndexedLists(fields) {
    var out = {};
    Object.keys(fields).forEach(function (k) {
      var v = fields[k];
      var values = Array.isArray(v) ? v.map(String) : (v === null || v === undefined ? [] : [String(v)]);
      var m = /^(.*)\.(\d+)$/.exec(k);
      var base = m ? m[1] : k;
      if (VALUE_LISTS.indexOf(base) >= 0) {
        out[base] = (out[base] || []).concat(values);
      } else {
        out[k] = (out[k] || []).concat(values);
      }
    });
    return out;
  }

  function fillForm(fields) {
    fields = mergeIndexedLists(fields);
    var names = Object.keys(fields);
    var maxReq = -1, maxOrg = -1;
    names.forEach(function (k) {
      var m = /^procedure\.ofii_requests\.(\d+)\./.exec(k);
      if (m) { maxReq = Math.max(maxReq, +m[1]); }
      var o = /^organisation\.address\.(\d+)$/.exec(k);
      if (o) { maxOrg = Math.max(maxOrg, +o[1]); }
    });
    for (var i = 0; i <= maxReq && i < 50; i++) { addRequest(); }
    if (maxOrg >= 0) { ensureOrgLines(Math.min(maxOrg + 1, 20)); }
    SECTIONS.forEach(function (s) {
      setSection(s, s.prefixes.some(function (p) { return hasValue(fields, p); }));
    });
    var unknown = [];
    names.forEach(function (k) {
      var v = fields[k];
      var values = Array.isArray(v) ? v.map(String) : (v === null || v === undefined ? [] : [String(v)]);
      if (k === 'format') { return; }
      if (k === 'documents_ready') {
        values.forEach(function (id) { if (id) { state.docsReady.add(id); } });
        return;
      }
      if (!setValue(k, values)) { unknown.push(k); }
    });
    var rows = requestRows();
    for (var r = 0; r < rows.length; r++) { applyRowKind(rows[r]); }
    applyOutcome();
    renderChecklist();
    return unknown;
  }

  function openFile(file) {
    if (!file) { return; }
    if (state.dirty && !window.confirm('Ouvrir ce fichier remplacera ce qui est saisi dans le formulaire, qui n’a pas été enregistré. Continuer' + NB + '?')) {
      els.openFile.value = '';
      return;
    }
    var fd = new FormData();
    fd.append('file', file, file.name);
    showDownloadStatus('Ouverture du fichier…');
    post('/open', fd).then(function (res) {
      if (!res.ok && res.status !== 422) { throw { status: res.status }; }
      return res.json().then(function (json) { return { status: res.status, json: json || {} }; });
    }).then(function (r) {
      setServerStatus('');
      var json = r.json;
      var problems = Array.isArray(json.problems) ? json.problems : [];
      if (!json.fields) {
        // Nothing could be read: say why, keep what was typed.
        state.openProblems = problems.length ? problems : [{ path: '', message: 'le fichier n’a pas pu être lu' }];
        state.showAll = true;
        renderProblems('open');
        showDownloadStatus('Le fichier « ' + file.name + ' » n’a pas pu être ouvert.');
        announce('Le fichier n’a pas pu être ouvert' + NB + ': voir la liste en haut du formulaire.');
        els.problems.focus();
        return;
      }
      resetForm(true);
      var unknown = fillForm(json.fields);
      // Problems of the file that the form cannot carry (an unknown key…) are
      // listed apart; the others come back from /check on the filled form.
      state.openProblems = problems.filter(function (p) {
        var t = targetOf(p.path);
        return !t;
      });
      unknown.forEach(function (k) {
        state.openProblems.push({ path: k, message: 'ce champ n’est pas repris par le formulaire' });
      });
      state.showAll = true;
      state.dirty = false;
      var who = [byId('applicant-family_name').value, byId('applicant-given_names').value].join(' ').trim();
      var msg = 'Dossier ouvert' + (who ? NB + ': ' + who : '') + '.';
      showDownloadStatus(msg);
      announce(msg);
      runCheck('open').then(function () {
        var n = state.problems.length + state.openProblems.length;
        if (n > 0) {
          announce(msg + ' ' + n + NB + plural(n, 'point est à corriger', 'points sont à corriger') + '.');
        }
      });
      var first = byId('applicant-civility');
      if (first) { first.focus(); }
    }).catch(function (err) {
      var m = err && err.status ? httpTrouble(err.status) : NETWORK_TROUBLE;
      showDownloadStatus(m);
      announce(m);
    }).then(function () {
      els.openFile.value = '';
    });
  }

  function markDirty() { state.dirty = true; }

  // ------------------------------------------------------------- events

  form.addEventListener('submit', function (e) { e.preventDefault(); });

  form.addEventListener('input', function (e) {
    var t = e.target;
    if (t.classList.contains('picker')) { return; }
    if (!t.name && !t.id) { return; }
    if (t.classList.contains('upper')) {
      var s = t.selectionStart, en = t.selectionEnd, up = t.value.toUpperCase();
      if (up !== t.value) { t.value = up; try { t.setSelectionRange(s, en); } catch (x) { /* ignore */ } }
    }
    if (isDateText(t)) { syncPicker(t); }
    if (t.name) { markDirty(); scheduleCheck(300, 'input'); }
  });

  form.addEventListener('change', function (e) {
    var t = e.target;
    if (t.classList.contains('picker')) {
      var text = byId(t.getAttribute('data-for'));
      if (text) {
        text.value = frDate(t.value);
        state.touched.add(text.name);
        markDirty();
        scheduleCheck(50, 'change');
      }
      return;
    }
    var sec = t.id ? sectionOf(t.id) : null;
    if (sec) {
      setSection(sec, t.checked);
      if (sec.section === 'procedure-decision') { applyOutcome(); }
      markDirty();
      scheduleCheck(50, 'change');
      return;
    }
    if (isDateText(t)) {
      var v = normaliseDate(t.value);
      if (v !== t.value) { t.value = v; }
      syncPicker(t);
    }
    if (t.name && /\.kind$/.test(t.name)) {
      var row = t.closest('.request');
      if (row) { applyRowKind(row); }
    }
    if (t.id === 'procedure-decision-outcome') { applyOutcome(); }
    if (t.name === 'documents_ready') {
      if (t.checked) { state.docsReady.add(t.value); } else { state.docsReady.delete(t.value); }
      updateChecklistCount();
    }
    if (t.name) {
      if (t.name !== 'documents_ready') { state.touched.add(t.name); }
      markDirty();
      scheduleCheck(50, 'change');
    }
  });

  form.addEventListener('focusout', function (e) {
    var t = e.target;
    if (!t.name || t.type === 'hidden') { return; }
    if (t.name === 'documents_ready') { return; }
    var first = !state.touched.has(t.name);
    state.touched.add(t.name);
    if (first) {
      // Show at once the problems already known for this field.
      renderProblems('change');
      scheduleCheck(50, 'change');
    }
  });

  form.addEventListener('click', function (e) {
    var t = e.target.closest ? e.target.closest('button') : null;
    if (!t) { return; }
    if (t.classList.contains('action')) { download(t); return; }
    if (t.getAttribute('data-remove')) {
      var row = t.closest('.request');
      if (row) { removeRequest(row); }
    }
  });

  els.problems.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('a[data-target]') : null;
    if (!a) { return; }
    var target = byId(a.getAttribute('data-target'));
    if (!target) { return; }
    e.preventDefault();
    if (target.tagName === 'FIELDSET') {
      var first = target.querySelector('input:not([disabled]), select:not([disabled])');
      if (first) { first.focus(); return; }
      target.setAttribute('tabindex', '-1');
    }
    target.focus();
  });

  els.addRequest.addEventListener('click', function () {
    var row = addRequest();
    var first = row.querySelector('input.date-text');
    if (first) { first.focus(); }
    announce('Demande n°' + NB + requestRows().length + ' ajoutée.');
    markDirty();
  });

  els.openFile.addEventListener('change', function () {
    openFile(els.openFile.files && els.openFile.files[0]);
  });

  els.newFile.addEventListener('click', function () {
    if (state.dirty && !window.confirm('Vider le formulaire' + NB + '? Ce qui a été saisi et n’a pas été enregistré sera perdu.')) { return; }
    resetForm(false);
    announce('Formulaire vidé.');
    var first = byId('applicant-civility');
    if (first) { first.focus(); }
    runCheck('change');
  });

  window.addEventListener('beforeunload', function (e) {
    if (!state.dirty) { return; }
    e.preventDefault();
    e.returnValue = '';
  });

  // --------------------------------------------------------------- start

  SECTIONS.forEach(function (s) {
    var opener = byId(s.opener);
    setSection(s, !!(opener && opener.checked));
  });
  applyOutcome();
  renumberRequests();
  // A reload may keep what the browser had typed in: resynchronise.
  var texts = form.querySelectorAll('input.date-text');
  for (var i = 0; i < texts.length; i++) { syncPicker(texts[i]); }
  runCheck('start');
})();
