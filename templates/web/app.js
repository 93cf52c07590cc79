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
    openFailed: '',     // the name of a file that could not be opened
    plan: null,
    planStale: false,   // the plan shown is that of an earlier, valid state
    nextStepText: '',
    stageText: '',
    kindLabels: DEFAULT_KIND_LABELS,
    docsReady: new Set(),
    openDetails: new Map(), // « Détails » the user opened or closed
    checklist: null,    // the last checklist received
    announced: new Set(),
    dirty: false,
    busy: false,
    typingIn: '',       // the field being typed in: its new problems wait until it is left
    timer: 0,
    pendingReason: ''
  };

  // Conditional sections: opener checkbox (not posted) → fieldset.
  var SECTIONS = [
    { opener: 'has-host', section: 'applicant-hosted_by', prefixes: ['applicant.hosted_by.'] },
    { opener: 'has-asylum', section: 'section-asylum', prefixes: ['situation.asylum_registered_on'] },
    { opener: 'has-child', section: 'situation-sick_child', prefixes: ['situation.sick_child.'] },
    { opener: 'has-permit', section: 'current_permit', prefixes: ['current_permit.'] },
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
    // a month alone (the arrival's day unknown): 3/2019, 2019-03 → 03/2019
    if ((m = /^(\d{1,2})[\/.\- ](\d{4})$/.exec(s))) { return pad2(m[1]) + '/' + m[2]; }
    if ((m = /^(\d{4})-(\d{1,2})$/.exec(s))) { return pad2(m[2]) + '/' + m[1]; }
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
    if ((text || '') === els.serverStatus.textContent && !!text === !els.serverStatus.hidden) { return; }
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
      return 'Accès refusé par ofiipack' + NB + ': il a sans doute été relancé. Ouvrez la nouvelle adresse qu’il affiche dans sa fenêtre.';
    }
    return 'ofiipack a répondu par une erreur (code ' + status + '). Réessayez dans un instant' + NB + '; ne fermez pas cette page, elle garde ce qui a été saisi.';
  }

  var NETWORK_TROUBLE = 'ofiipack ne répond pas' + NB + ': vérifiez que sa fenêtre est toujours ouverte (ou le terminal où il a été lancé), puis réessayez. Ne fermez pas cette page, elle garde ce qui a été saisi.';

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
    var m = String(p.message || '');
    // A part left empty: the loader names the keys it expected; say it as a
    // person would.
    if (/^absent, attendu un bloc/.test(m) && targetIsSection(p.path)) {
      return 'Rien n’est encore rempli ici' + NB + ': remplissez les champs marqués «' + NB + 'obligatoire' + NB + '».';
    }
    // A list to choose from: the values the file would hold (single,
    // married…) are not those the list shows (Célibataire…).
    if (/^absent, attendu /.test(m) && targetIsSelect(p.path)) {
      return 'Absent, attendu un choix dans la liste';
    }
    return capitalise(m);
  }

  function targetIsSelect(path) {
    var e = byId(idOf(normalisePath(path)));
    return !!(e && e.tagName === 'SELECT');
  }

  function targetIsSection(path) {
    var e = byId(idOf(normalisePath(path)));
    return !!(e && e.tagName === 'FIELDSET' && e.classList.contains('section'));
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
    var active = document.activeElement;
    var wasShown = new Set();
    var shownNow = form.querySelectorAll('.error:not([hidden])');
    for (var s = 0; s < shownNow.length; s++) { wasShown.add(shownNow[s].id); }
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
      // While typing in a field, its problem may go away but not appear:
      // it appears when the field is left.
      if (state.typingIn && e === active && e.name === state.typingIn && err && !wasShown.has(err.id)) { return; }
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
      if (state.openFailed) {
        box.appendChild(make('h2', '', 'Le fichier «' + NB + state.openFailed + NB + '» n’a pas pu être ouvert'));
        box.appendChild(make('p', '', 'Le formulaire n’a pas changé. Ce qui ne va pas dans le fichier' + NB + ':'));
      } else {
        box.appendChild(make('h2', '', 'Dans le fichier ouvert'));
        box.appendChild(make('p', '', 'Ces points du fichier n’ont pas pu être repris dans le formulaire' + NB + ':'));
      }
      var ul2 = make('ul');
      openOnes.forEach(function (p) {
        var where = normalisePath(p.path);
        ul2.appendChild(make('li', '', (where ? where + NB + ': ' : '') + problemText(p) +
          (p.hint ? ' — ' + capitalise(p.hint) : '')));
      });
      box.appendChild(ul2);
      var hide = make('button', 'secondary', 'Masquer ces points du fichier');
      hide.type = 'button';
      hide.setAttribute('data-hide-open', '1');
      box.appendChild(hide);
    }
    box.hidden = false;
  }

  function renderStatus() {
    var n = state.problems.length;
    els.status.classList.remove('ok', 'bad');
    if (state.applied === 0) { els.status.textContent = ''; return; }
    var emptyParts = state.problems.filter(function (p) {
      return /^absent, attendu un bloc/.test(String(p.message || '')) && targetIsSection(p.path);
    }).length;
    if (n === 0) {
      els.status.textContent = 'Aucun problème' + NB + ': le dossier peut être téléchargé.';
      els.status.classList.add('ok');
    } else if (emptyParts > 0 && !state.showAll) {
      // A part not begun hides the count of its missing fields: no count yet.
      els.status.textContent = 'Des parties obligatoires du formulaire sont encore vides.';
      els.status.classList.add('bad');
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
    else if (fresh.length > 1) { announce(fresh.length + NB + 'nouveaux points à corriger. ' + fresh[0] + '…'); }
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

  // A part of the panel is drawn again only when what it shows changed, and
  // the focus stays where it was (a checkbox just ticked, a « Détails »).
  var drawn = {};

  function redraw(part, container, data, draw) {
    var key = JSON.stringify(data);
    if (drawn[part] === key) { return; }
    drawn[part] = key;
    var active = document.activeElement;
    var keep = null;
    if (active && container.contains(active)) {
      if (active.tagName === 'SUMMARY' && active.parentNode.getAttribute('data-key')) {
        keep = { details: active.parentNode.getAttribute('data-key') };
      } else if (active.id) {
        keep = { id: active.id };
      }
    }
    draw();
    if (keep) {
      var e = keep.id ? byId(keep.id) :
        container.querySelector('details[data-key="' + keep.details.replace(/"/g, '') + '"] > summary');
      if (e) { e.focus({ preventScroll: true }); }
    }
  }

  // « Détails » opened or closed by the user stay so across updates.
  function keyedDetails(key, openByDefault) {
    var det = make('details');
    det.setAttribute('data-key', key);
    det.open = state.openDetails.has(key) ? state.openDetails.get(key) : !!openByDefault;
    return det;
  }

  function renderPlan() {
    var plan = state.plan;
    var panel = byId('plan');
    if (panel) { panel.classList.toggle('is-stale', !!(plan && state.planStale)); }
    redraw('next', els.next, [plan && plan.next_step, plan && plan.deadlines, state.nextStepText, state.stageText, state.planStale, !!plan],
      function () { renderNext(plan); });
    if (!plan) {
      els.panelDeadlines.hidden = true;
      els.panelWarnings.hidden = true;
      els.panelFees.hidden = true;
      drawn.deadlines = drawn.warnings = drawn.fees = null;
      return;
    }
    redraw('deadlines', els.deadlines, [plan.deadlines, state.kindLabels], function () { renderDeadlines(plan.deadlines || []); });
    redraw('warnings', els.warnings, plan.warnings, function () { renderWarnings(plan.warnings || []); });
    redraw('fees', els.fees, plan.fees, function () { renderFees(plan.fees || []); });
    if (Array.isArray(plan.checklist)) {
      state.checklist = plan.checklist;
      redraw('checklist', els.checklist, [plan.checklist, Array.from(state.docsReady)], renderChecklist);
    }
  }

  function renderNext(plan) {
    clear(els.next);
    if (plan && state.planStale) {
      els.next.appendChild(make('p', 'stale', 'Ce plan ne tient pas compte des dernières modifications' + NB +
        ': corrigez d’abord les points signalés dans le formulaire.'));
    }
    if (!plan) {
      els.next.appendChild(make('p', 'muted', 'Le plan s’affiche dès que les champs obligatoires sont remplis sans erreur.'));
      return;
    }
    var ns = plan.next_step;
    // Where the file stands, what to do first, then when.
    if (state.stageText) {
      els.next.appendChild(make('p', 'next-stage', 'Où en est le dossier' + NB + ': ' + state.stageText));
    }
    if (state.nextStepText) {
      // "title — what to do now" when late: the title stands out.
      var cut = state.nextStepText.indexOf(' — ');
      els.next.appendChild(make('p', 'next-what', cut > 0 ? state.nextStepText.slice(0, cut) : state.nextStepText));
      if (cut > 0) { els.next.appendChild(make('p', 'next-now', state.nextStepText.slice(cut + 3))); }
    } else if (!ns) {
      els.next.appendChild(make('p', '', 'Aucune date à venir d’après ce qui est indiqué.'));
    }
    if (ns && ns.kind === 'action') {
      // an action has no date: it is for today
      var today = make('p', 'next-when', 'À faire dès aujourd’hui');
      if (ns.late) { today.appendChild(document.createTextNode(' ')); today.appendChild(make('span', 'late', 'en retard')); }
      els.next.appendChild(today);
    } else if (ns) {
      var p = make('p', 'next-when');
      var dl = null;
      (plan.deadlines || []).forEach(function (d) { if (!dl && d.id === ns.id && d.date === ns.date) { dl = d; } });
      p.appendChild(document.createTextNode(kindLabel(ns.kind || (dl && dl.kind)) + NB + ': ' + frDate(ns.date)));
      if (dl && !ns.late && typeof dl.days_left === 'number' && !/\bdans \d/.test(state.nextStepText)) {
        p.appendChild(document.createTextNode(' (' + daysLeftText(dl.days_left) + ')'));
      }
      if (ns.late) { p.appendChild(document.createTextNode(' ')); p.appendChild(make('span', 'late', 'en retard')); }
      els.next.appendChild(p);
      if (dl && dl.post_by && !dl.done && !ns.late && !ns.post_by_passed) {
        els.next.appendChild(make('p', 'post-by', postByText(dl.post_by, plan.today)));
      }
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

  // The day to post by, or, once it is past, that it is time to send now.
  function postByText(postBy, today) {
    if (today && postBy < today) {
      return 'La date conseillée pour poster (' + frDate(postBy) + ') est passée' + NB + ': envoyez sans attendre.';
    }
    return 'À poster avant le ' + frDate(postBy) + '.';
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
      if (d.post_by && !d.done && !d.passed) {
        li.appendChild(make('p', 'post-by', postByText(d.post_by, state.plan && state.plan.today)));
      }
      if (d.non_working_day && !d.done && !d.passed && d.kind === 'deadline') {
        var nwd = 'Ce jour n’est pas ouvré' + (d.holiday ? ' (' + d.holiday + ')' : '') + NB + ': agissez avant.';
        li.appendChild(make('p', 'nwd', nwd));
      }
      if (d.detail || d.source) {
        var det = keyedDetails('deadline:' + d.id + ':' + d.date);
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
          var det = keyedDetails('warning:' + w.id, URGENT[w.id]);
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
          var det = keyedDetails('item:' + item.id);
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
      state.timer = 0;
      var r = state.pendingReason;
      state.pendingReason = '';
      runCheck(r);
    }, delay);
  }

  function runCheck(reason) {
    var mine = ++state.seq;
    var fd = new FormData(form);
    var maps = indexMaps(fd);
    return post('/check', fd).then(function (res) {
      var isJSON = (res.headers.get('Content-Type') || '').indexOf('json') >= 0;
      if (!isJSON) { throw { status: res.status }; }
      return res.json().then(function (json) {
        // Any answer with problems is shown (a post too large says so too).
        if (!res.ok && !(json && Array.isArray(json.problems))) { throw { status: res.status }; }
        return json;
      });
    }).then(function (json) {
      if (mine < state.applied) { return; } // an older answer, come late
      state.applied = mine;
      setServerStatus('');
      applyCheck(json, reason, maps);
    }).catch(function (err) {
      if (mine < state.applied) { return; }
      state.applied = mine;
      setServerStatus(err && err.status ? httpTrouble(err.status) : NETWORK_TROUBLE);
    });
  }

  // Rows and lines left empty are not sent as items: the server numbers the
  // items it gets 0, 1, 2… For each list, the row of the form that each
  // number sent stands for, so that a problem is shown on its own row.
  var INDEXED = ['procedure.ofii_requests', 'ofii_address', 'organisation.address'];

  function indexMaps(fd) {
    var maps = {};
    INDEXED.forEach(function (prefix) {
      var used = {};
      fd.forEach(function (value, name) {
        if (name.indexOf(prefix + '.') !== 0) { return; }
        var m = /^(\d+)/.exec(name.slice(prefix.length + 1));
        if (m && typeof value === 'string' && value.trim() !== '') { used[+m[1]] = true; }
      });
      maps[prefix] = Object.keys(used).map(Number).sort(function (a, b) { return a - b; });
    });
    return maps;
  }

  function remapPath(path, maps) {
    var p = normalisePath(path);
    if (!maps) { return p; }
    for (var i = 0; i < INDEXED.length; i++) {
      var prefix = INDEXED[i] + '.';
      if (p.indexOf(prefix) !== 0) { continue; }
      var m = /^(\d+)(.*)$/.exec(p.slice(prefix.length));
      var list = maps[INDEXED[i]];
      if (m && list && list[+m[1]] !== undefined) { return prefix + list[+m[1]] + m[2]; }
    }
    return p;
  }

  function applyCheck(json, reason, maps) {
    json = json || {};
    state.problems = (Array.isArray(json.problems) ? json.problems : []).map(function (p) {
      return { path: remapPath(p.path, maps), message: p.message, hint: p.hint };
    });
    if (json.kind_labels) { state.kindLabels = json.kind_labels; }
    if (json.plan) {
      state.plan = json.plan;
      state.planStale = false;
      state.nextStepText = json.next_step_text || '';
      state.stageText = json.stage_text || '';
    } else {
      // Keep the last plan in sight, said to be out of date, rather than
      // make it blink away at each keystroke of a date being typed.
      state.planStale = !!state.plan;
    }
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

  // saveDraft saves the form as it is, problems included: the server marks
  // the file as a draft at its top.
  function saveDraft(btn) {
    btn.setAttribute('aria-busy', 'true');
    post('/draft', new FormData(form)).then(function (res) {
      if (!res.ok) { throw { status: res.status }; }
      var name = filenameFrom(res, 'brouillon.yaml');
      return res.blob().then(function (blob) {
        saveBlob(blob, name);
        state.dirty = false;
        var done = 'Brouillon «' + NB + name + NB + '» enregistré' + NB + ': rouvrez-le ici pour le compléter.';
        showDownloadStatus(done);
        announce(done);
      });
    }).catch(function (err) {
      var msg = err && err.status ? httpTrouble(err.status) : NETWORK_TROUBLE;
      showDownloadStatus(msg);
      announce(msg);
    }).then(function () {
      btn.removeAttribute('aria-busy');
    });
  }

  function download(btn) {
    if (state.busy) {
      showDownloadStatus('Un document est déjà en préparation' + NB + ': patientez quelques secondes.');
      return;
    }
    var endpoint = btn.getAttribute('data-endpoint');
    var mode = btn.getAttribute('data-mode');
    var fallback = btn.getAttribute('data-fallback');
    state.busy = true;
    state.showAll = true;
    btn.setAttribute('aria-busy', 'true');
    clearTimeout(state.timer);
    showDownloadStatus('Préparation en cours…');
    var mine = ++state.seq;
    var fd = new FormData(form);
    var maps = indexMaps(fd);
    post(endpoint, fd).then(function (res) {
      var isJSON = (res.headers.get('Content-Type') || '').indexOf('json') >= 0;
      if (!res.ok && isJSON && res.status !== 403) {
        return res.json().then(function (json) {
          if (mine >= state.applied) { state.applied = mine; }
          var shown = applyCheck(json, 'download', maps);
          var n = state.problems.length;
          var msg = n === 0 ? 'Le document n’a pas pu être préparé.' : (endpoint === '/yaml' ? 'Le fichier du dossier n’a pas été enregistré (il ne peut l’être que sans erreur)' :
            'Le document n’a pas été préparé') + NB + ': ' + n + NB +
            plural(n, 'point est à corriger', 'points sont à corriger') + ', signalés à côté des champs.';
          var draft = null;
          if (endpoint === '/yaml' && n > 0) {
            // The work done so far is not lost: it can be kept as a draft
            // and finished later.
            draft = make('button', 'secondary', 'Enregistrer un brouillon à compléter');
            draft.type = 'button';
            draft.addEventListener('click', function () { saveDraft(draft); });
          }
          showDownloadStatus(msg, draft);
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
          var done = 'Fichier «' + NB + name + NB + '» téléchargé.';
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
      if (state.applied < mine) { state.applied = mine; }
      btn.removeAttribute('aria-busy');
    });
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
    state.openDetails = new Map();
    drawn = {};
    state.touched = new Set();
    state.announced = new Set();
    state.showAll = false;
    state.problems = [];
    state.openProblems = [];
    state.openFailed = '';
    state.plan = null;
    state.planStale = false;
    state.nextStepText = '';
    state.stageText = '';
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
    drawn.checklist = null;
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
      var isJSON = (res.headers.get('Content-Type') || '').indexOf('json') >= 0;
      if (!isJSON || res.status === 403) { throw { status: res.status }; }
      return res.json().then(function (json) { return { status: res.status, json: json || {} }; });
    }).then(function (r) {
      setServerStatus('');
      var json = r.json;
      var problems = Array.isArray(json.problems) ? json.problems : [];
      if (!json.fields || Object.keys(json.fields).length === 0) {
        // Nothing could be read: say why, keep what was typed.
        state.openProblems = problems.length ? problems : [{ path: '', message: 'le fichier n’a pas pu être lu' }];
        state.openFailed = file.name;
        renderProblems('open');
        showDownloadStatus('Le fichier «' + NB + file.name + NB + '» n’a pas pu être ouvert.');
        announce('Le fichier n’a pas pu être ouvert' + NB + ': voir la liste en haut du formulaire.');
        els.problems.focus();
        return;
      }
      resetForm(true);
      state.openFailed = '';
      var unknown = fillForm(json.fields);
      // Problems of the file that the form cannot carry (an unknown key…) are
      // listed apart; the others come back from /check on the filled form.
      state.openProblems = problems.filter(function (p) {
        // Kept when the form has no input of that exact path (an unknown
        // key, a value no checkbox has): the check of the form cannot see it.
        var path = normalisePath(p.path);
        var e = path ? byId(idOf(path)) : null;
        return !e || !!e.closest('template');
      });
      unknown.forEach(function (k) {
        state.openProblems.push({ path: k, message: 'ce champ n’est pas repris par le formulaire' });
      });
      // What the file holds that the form does not keep (a comment after a
      // value) is said too: the documents are made without it.
      (Array.isArray(json.warnings) ? json.warnings : []).forEach(function (w) {
        state.openProblems.push(w);
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
    if (t.name) { state.typingIn = t.name; markDirty(); scheduleCheck(300, 'input'); }
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
    if (state.typingIn === t.name) {
      // Left after typing: its problems may show now.
      state.typingIn = '';
      if (state.touched.has(t.name)) { scheduleCheck(50, 'change'); }
    }
    var first = !state.touched.has(t.name);
    state.touched.add(t.name);
    if (first) {
      // Show at once the problems already known for this field, unless an
      // answer for what was just typed is still to come.
      if (!state.timer && state.seq === state.applied) { renderProblems('change'); }
      scheduleCheck(50, 'change');
    }
  });

  form.addEventListener('click', function (e) {
    if (e.target.classList && e.target.classList.contains('picker') && typeof e.target.showPicker === 'function') {
      // The whole small box opens the calendar, not only its icon.
      try { e.target.showPicker(); } catch (x) { /* already open, or not allowed */ }
      return;
    }
    var t = e.target.closest ? e.target.closest('button') : null;
    if (!t) { return; }
    if (t.classList.contains('action')) { download(t); return; }
    if (t.getAttribute('data-remove')) {
      var row = t.closest('.request');
      if (row) { removeRequest(row); }
    }
  });

  els.problems.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('[data-hide-open]')) {
      state.openProblems = [];
      state.openFailed = '';
      renderProblems('change');
      var start = byId('applicant-civility');
      if (els.problems.hidden && start) { start.focus(); } else { els.problems.focus(); }
      return;
    }
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

  byId('plan').addEventListener('toggle', function (e) {
    var key = e.target.getAttribute && e.target.getAttribute('data-key');
    if (key) { state.openDetails.set(key, e.target.open); }
  }, true);

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
