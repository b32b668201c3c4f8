// Tinjau sidak field app: a visit is built in the page, kept on the device (IndexedDB) and sent when there is a
// connection (online event, retries with back-off), under ids generated here that the inspections service makes
// idempotent. The service worker (/sidak-sw.js) keeps the pages and assets for use without a signal.
(() => {
  'use strict';
  const DB = 'tinjau-sidak', STORE = 'visits', CACHE_PAGES = 'tinjau-sidak-pages';
  const fmt = (template, ...values) => values.reduce((s, v, i) => s.split(`{${i}}`).join(v), template || '');
  const pending = (v) => v.state === 'queued' || v.state === 'retrying' || v.state === 'sending';

  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  // The device's time with its own offset (2026-12-02T09:15:00+07:00): the service judges service hours from it.
  function deviceTime(d = new Date()) {
    const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
    const off = -d.getTimezoneOffset();
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
      + `${off >= 0 ? '+' : '-'}${pad(off / 60)}:${pad(off % 60)}`;
  }

  async function sha256(blob) {
    if (!crypto.subtle) return null; // not a secure context: the service computes it anyway
    const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
    return Array.from(new Uint8Array(digest), (x) => x.toString(16).padStart(2, '0')).join('');
  }

  // ---- the queue (IndexedDB) ----
  function openDb() {
    return new Promise((ok, fail) => {
      const r = indexedDB.open(DB, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'id' });
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
  }
  async function store(mode, action) {
    const db = await openDb();
    return new Promise((ok, fail) => {
      const t = db.transaction(STORE, mode);
      const request = action(t.objectStore(STORE));
      t.oncomplete = () => { db.close(); ok(request.result); };
      t.onerror = () => { db.close(); fail(t.error); };
    });
  }
  const save = (v) => store('readwrite', (s) => s.put(v));
  const all = () => store('readonly', (s) => s.getAll());

  // ---- sending ----
  let syncing = false, timer = 0;
  const backoff = (attempts) => Math.min(60000, 2000 * 2 ** Math.min(attempts - 1, 5)) * (0.8 + Math.random() * 0.4);

  async function sendOne(v, urls) {
    v.state = 'sending'; await save(v); render();
    try {
      const t = await fetch(urls.token, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });
      if (t.status === 401 || t.status === 403) { const b = await t.json().catch(() => ({})); return later(v, b.message, true); }
      if (!t.ok) return later(v, null);
      const { token } = await t.json();
      const form = new FormData();
      form.append('submission', JSON.stringify(v.submission));
      for (const f of v.files) form.append(f.id, f.blob, f.name);
      const res = await fetch(fmt(urls.send, v.id), {
        method: 'PUT', body: form, credentials: 'same-origin', cache: 'no-store',
        headers: { RequestVerificationToken: token, Accept: 'application/json' },
      });
      const body = await res.json().catch(() => ({}));
      if (res.ok) {
        // Accepted: the photos leave the device; what the service answered stays to be read.
        Object.assign(v, { state: 'accepted', answer: body, error: null, files: [], acceptedAt: Date.now() });
      } else if (res.status === 400 || res.status === 409 || res.status === 413) {
        Object.assign(v, { state: 'refused', error: body.message || String(res.status) });
      } else if (res.status === 401 || res.status === 403) {
        return later(v, body.message, true);
      } else {
        return later(v, body.message);
      }
    } catch {
      return later(v, null);
    }
    await save(v);
  }

  async function later(v, message, keepAttempts) {
    if (!keepAttempts) v.attempts = (v.attempts || 0) + 1;
    Object.assign(v, { state: 'retrying', error: message || null, nextAttempt: Date.now() + backoff(Math.max(1, v.attempts || 1)) });
    await save(v);
  }

  async function sync() {
    const urls = sendUrls();
    if (syncing || !urls) return;
    syncing = true;
    try {
      for (const v of (await all()).filter(pending)) {
        if (!navigator.onLine) break;
        if (v.state === 'retrying' && v.nextAttempt > Date.now()) continue;
        await sendOne(v, urls);
      }
    } catch { /* the queue stays; the next event or timer tries again */ } finally {
      syncing = false;
      await render();
      schedule();
    }
  }

  async function schedule() {
    clearTimeout(timer);
    const waiting = (await all().catch(() => [])).filter(pending);
    if (!waiting.length) return;
    const next = Math.min(...waiting.map((v) => v.nextAttempt || 0));
    timer = setTimeout(sync, Math.max(1000, next - Date.now()));
  }

  function sendUrls() {
    const q = document.querySelector('[data-sidak-queue]');
    return q ? { token: '/sidak/kunci', send: '/sidak/kunjungan/{0}/kirim' } : null;
  }

  // ---- what the page shows of the queue ----
  async function render() {
    const q = document.querySelector('[data-sidak-queue]');
    if (!q) return;
    const d = q.dataset;
    const connection = q.querySelector('[data-sidak-connection]');
    const text = navigator.onLine ? d.textOnline : d.textOffline;
    if (connection.textContent !== text) connection.textContent = text;
    connection.dataset.online = String(navigator.onLine);
    const items = (await all().catch(() => [])).sort((a, b) => b.savedAt - a.savedAt);
    q.querySelector('[data-sidak-queue-empty]').hidden = items.length > 0;
    const list = q.querySelector('[data-sidak-queue-list]');
    list.innerHTML = '';
    const labels = { queued: d.textQueued, sending: d.textSending, retrying: d.textRetrying, accepted: d.textAccepted, refused: d.textRefused };
    for (const v of items) {
      const li = document.createElement('li');
      li.className = `queue__item queue__item--${v.state}`;
      li.dataset.queued = v.id;
      li.dataset.state = v.state;
      const title = document.createElement('strong'); title.textContent = v.unitName;
      const state = document.createElement('span'); state.className = 'tag'; state.dataset.queueState = v.state; state.textContent = labels[v.state] || v.state;
      const saved = document.createElement('div'); saved.className = 'hint';
      saved.textContent = fmt(d.textSaved, new Date(v.savedAt).toLocaleString(document.documentElement.lang));
      li.append(title, ' ', state, saved);
      if (v.state === 'accepted' && v.answer) {
        const a = document.createElement('div'); a.dataset.serverAnswer = '';
        a.textContent = `${v.answer.message} ${fmt(d.textFlags, v.answer.flags)} ${fmt(d.textRecord, v.answer.record || '–')}`
          + (v.answer.replay ? ` ${d.textReplay}` : '');
        li.append(a);
      } else if (v.state === 'refused' || (v.state === 'retrying' && v.error)) {
        const e = document.createElement('div'); e.dataset.serverAnswer = ''; e.textContent = v.error || d.textUnreachable; li.append(e);
      } else if (v.state === 'retrying') {
        const e = document.createElement('div'); e.textContent = navigator.onLine ? d.textUnreachable : d.textOffline; li.append(e);
      }
      list.append(li);
    }
  }

  // ---- the visit form ----
  function visitForm() {
    const form = document.querySelector('form[data-sidak-form]');
    if (!form || form._tinjau) return;
    form._tinjau = true;
    const d = form.dataset;
    const $ = (sel) => form.querySelector(sel);
    const statusOptions = d.statuses.split('|').map((s) => s.split('='));
    const severityNames = Object.fromEntries(d.severities.split('|').map((s) => s.split('=')));
    const draftKey = `tinjau-sidak-draft:${d.planId}:${d.unitId}`;
    let draft = JSON.parse(localStorage.getItem(draftKey) || 'null') || { visitId: uuid(), checkIn: null };
    const findings = [];
    let photos = [];

    const showCheckIn = () => {
      const out = $('[data-checkin-status]');
      if (draft.checkIn) {
        out.textContent = fmt(d.textCheckinDone, new Date(draft.checkIn.at).toLocaleString(document.documentElement.lang),
          draft.checkIn.latitude.toFixed(5), draft.checkIn.longitude.toFixed(5));
        $('#lat').value = draft.checkIn.latitude; $('#lon').value = draft.checkIn.longitude;
      }
    };
    showCheckIn();

    $('[data-sidak-locate]').addEventListener('click', () => {
      const out = $('[data-checkin-status]');
      if (!navigator.geolocation) { out.textContent = d.textLocateError; return; }
      out.textContent = d.textLocating;
      navigator.geolocation.getCurrentPosition((pos) => {
        $('#lat').value = pos.coords.latitude.toFixed(6);
        $('#lon').value = pos.coords.longitude.toFixed(6);
        form._accuracy = pos.coords.accuracy;
        out.textContent = '';
      }, () => { out.textContent = d.textLocateError; }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });

    // The check-in is kept on the device at once: the time is the device's own, now.
    $('[data-sidak-checkin]').addEventListener('click', () => {
      const lat = parseFloat(($('#lat').value || '').replace(',', '.'));
      const lon = parseFloat(($('#lon').value || '').replace(',', '.'));
      if (!isFinite(lat) || !isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        $('[data-checkin-status]').textContent = d.textNeedCoordinates; $('#lat').focus(); return;
      }
      const now = new Date();
      draft.checkIn = { at: now.getTime(), deviceTime: deviceTime(now), latitude: lat, longitude: lon, accuracyMetres: form._accuracy ?? null };
      localStorage.setItem(draftKey, JSON.stringify(draft));
      showCheckIn();
    });

    const officerSelect = $('[data-finding-officer]');
    const officers = () => Array.from(form.querySelectorAll('[data-officer]'));
    const refreshOfficerChoices = () => {
      const chosen = officerSelect.value;
      officerSelect.querySelectorAll('option[data-o]').forEach((o) => o.remove());
      officers().forEach((li, i) => {
        if (!li.dataset.id) li.dataset.id = uuid();
        const o = document.createElement('option'); o.value = li.dataset.id; o.dataset.o = String(i); o.textContent = li.dataset.name || li.dataset.staffNumber;
        officerSelect.append(o);
      });
      officerSelect.value = chosen;
    };
    refreshOfficerChoices();

    $('[data-sidak-add-officer]').addEventListener('click', () => {
      const name = $('#new-name').value.trim(), nip = $('#new-nip').value.trim(), position = $('#new-position').value.trim();
      if (!name && !nip) { $('#new-name').focus(); return; }
      const li = document.createElement('li');
      li.className = 'roster__item'; li.dataset.officer = ''; li.dataset.name = name; li.dataset.staffNumber = nip; li.dataset.position = position;
      const id = `att-new-${uuid()}`;
      const label = document.createElement('label'); label.htmlFor = id;
      const strong = document.createElement('strong'); strong.textContent = name || nip;
      label.append(strong, `${nip ? ` · NIP ${nip}` : ''}${position ? ` · ${position}` : ''}`);
      const select = document.createElement('select'); select.id = id; select.dataset.attendanceStatus = '';
      const blank = document.createElement('option'); blank.value = ''; blank.textContent = form.querySelector('[data-attendance-status] option')?.textContent || '–';
      select.append(blank);
      for (const [value, text] of statusOptions) { const o = document.createElement('option'); o.value = value; o.textContent = text; select.append(o); }
      li.append(label, select);
      $('[data-roster]').append(li);
      ['#new-name', '#new-nip', '#new-position'].forEach((s) => { $(s).value = ''; });
      refreshOfficerChoices();
      select.focus();
    });

    $('#f-photos').addEventListener('change', async (e) => {
      const input = e.target; const out = $('#f-photos-status');
      photos = [];
      for (const f of Array.from(input.files || []).filter((x) => x.type.startsWith('image/')).slice(0, 5)) {
        let file = f;
        try { if (window.tinjau?.resizePhoto) file = await window.tinjau.resizePhoto(f, 1600); } catch { /* kept as taken */ }
        photos.push(file);
      }
      const kb = photos.reduce((s, f) => s + f.size, 0) / 1024;
      out.textContent = fmt(d.textPhotosReady, photos.length, Math.round(kb).toLocaleString(document.documentElement.lang));
    });

    const renderFindings = () => {
      const ul = $('[data-findings]'); ul.innerHTML = '';
      findings.forEach((f, i) => {
        const li = document.createElement('li'); li.dataset.finding = f.id;
        li.textContent = `${severityNames[f.severity]} · ${f.category}: ${f.description} (${f.photos.length} 📷)`;
        const remove = document.createElement('button'); remove.type = 'button'; remove.className = 'link-button'; remove.textContent = d.textRemove;
        remove.setAttribute('aria-label', `${d.textRemove}: ${f.category}`);
        remove.addEventListener('click', () => { findings.splice(i, 1); renderFindings(); });
        li.append(' ', remove);
        ul.append(li);
      });
    };

    $('[data-sidak-add-finding]').addEventListener('click', () => {
      const item = $('#f-item').value;
      const category = $('#f-category').value.trim() || item;
      const description = $('#f-description').value.trim();
      if (!category || !description) { $('#f-photos-status').textContent = d.textNeedFinding; (category ? $('#f-description') : $('#f-category')).focus(); return; }
      findings.push({ id: uuid(), severity: $('#f-severity').value, checklistItem: item || null, category, description,
        attendanceId: officerSelect.value || null, observedAt: deviceTime(), photos: photos.map((p) => ({ id: uuid(), file: p, capturedAt: deviceTime(new Date(p.lastModified || Date.now())) })) });
      photos = [];
      ['#f-category', '#f-description', '#f-photos'].forEach((s) => { $(s).value = ''; });
      $('#f-item').value = ''; officerSelect.value = '';
      $('#f-photos-status').textContent = d.textFindingAdded;
      renderFindings();
    });

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const problems = [];
      if (!draft.checkIn) problems.push(['h-checkin', d.textNeedCheckin]);
      const answers = [];
      form.querySelectorAll('[data-checklist-item]').forEach((fs) => {
        const chosen = fs.querySelector('input[type=radio]:checked');
        fs.toggleAttribute('data-invalid', !chosen);
        if (!chosen) problems.push([fs.id, fmt(d.textNeedAnswer, fs.querySelector('legend').textContent)]);
        else answers.push({ item: fs.dataset.checklistItem, answer: chosen.value });
      });
      const attendance = [];
      officers().forEach((li) => {
        const select = li.querySelector('select');
        if (!select.value) { select.setAttribute('aria-invalid', 'true'); problems.push([select.id, fmt(d.textNeedOfficer, li.dataset.name || li.dataset.staffNumber)]); return; }
        select.removeAttribute('aria-invalid');
        attendance.push({ id: li.dataset.id, name: li.dataset.name || null, staffNumber: li.dataset.staffNumber || null, position: li.dataset.position || null, status: select.value });
      });
      const summaryBox = document.querySelector('[data-sidak-errors]');
      const ul = summaryBox.querySelector('ul'); ul.innerHTML = '';
      if (problems.length) {
        for (const [id, message] of problems) {
          const li = document.createElement('li'); const a = document.createElement('a'); a.href = `${location.pathname}#${id}`; a.textContent = message; li.append(a); ul.append(li);
        }
        summaryBox.hidden = false; summaryBox.focus();
        return;
      }
      summaryBox.hidden = true;
      const evidence = [], files = [];
      for (const f of findings) {
        for (const p of f.photos) {
          evidence.push({ id: p.id, fileName: p.file.name, contentType: p.file.type, sizeBytes: p.file.size, sha256: await sha256(p.file), capturedAt: p.capturedAt });
          files.push({ id: p.id, blob: p.file, name: p.file.name });
        }
      }
      const submission = {
        unitId: d.unitId, planId: d.planId,
        checkIn: { deviceTime: draft.checkIn.deviceTime, latitude: draft.checkIn.latitude, longitude: draft.checkIn.longitude, accuracyMetres: draft.checkIn.accuracyMetres },
        checklist: { code: d.checklistCode, version: parseInt(d.checklistVersion, 10), answers },
        attendance,
        findings: findings.map((f) => ({ id: f.id, severity: f.severity, category: f.category, checklistItem: f.checklistItem, description: f.description,
          attendanceId: f.attendanceId, evidenceIds: f.photos.map((p) => p.id), observedAt: f.observedAt })),
        evidence,
        summary: $('#summary').value.trim() || null,
      };
      await save({ id: draft.visitId, state: 'queued', savedAt: Date.now(), unitName: d.unitName, submission, files, attempts: 0, nextAttempt: 0 });
      localStorage.removeItem(draftKey);
      form.reset(); findings.length = 0; renderFindings();
      $('[data-checkin-status]').textContent = '';
      draft = { visitId: uuid(), checkIn: null };
      officers().forEach((li) => { delete li.dataset.id; }); // the next visit's attendance gets ids of its own
      refreshOfficerChoices();
      $('[data-sidak-submit]').insertAdjacentElement('afterend', Object.assign(document.createElement('p'), { role: 'status', textContent: d.textQueued }));
      await render();
      document.querySelector('[data-sidak-queue]').scrollIntoView();
      sync();
    });
  }

  // ---- the service worker: the pages and assets of the field app, for use without a signal ----
  async function worker() {
    if (!('serviceWorker' in navigator) || !document.querySelector('[data-sidak-app]')) return;
    const src = document.querySelector('script[data-worker-src]')?.dataset.workerSrc || 'sidak-sw.js';
    try {
      await navigator.serviceWorker.register(`/${src}`, { scope: '/sidak' });
      const ready = await navigator.serviceWorker.ready;
      // This page's assets and the pages it links to (a plan's visit forms) are kept before the signal goes.
      const urls = [location.pathname + location.search,
        ...Array.from(document.querySelectorAll('link[rel=stylesheet][href], script[src], link[rel=manifest]'), (el) => el.href || el.src),
        ...Array.from(document.querySelectorAll('a[data-precache]'), (a) => a.href)];
      ready.active?.postMessage({ type: 'precache', urls });
    } catch { /* the field app still works while online */ }
  }

  // Signing out forgets the kept pages (they show plans); unsent visits stay queued for the next sign-in.
  function forgetOnSignOut() {
    const f = document.querySelector('form[action="/akun/keluar"]');
    if (!f || f._sidak) return;
    f._sidak = true;
    f.addEventListener('submit', () => { if (window.caches) caches.delete(CACHE_PAGES); });
  }

  function init() {
    forgetOnSignOut();
    if (!document.querySelector('[data-sidak-app]')) return;
    visitForm();
    render();
    worker();
    sync();
  }

  window.addEventListener('online', async () => {
    for (const v of (await all().catch(() => [])).filter((x) => x.state === 'retrying')) { v.nextAttempt = 0; await save(v); }
    sync();
  });
  window.addEventListener('offline', render);
  document.addEventListener('DOMContentLoaded', init);
  if (document.readyState !== 'loading') init();
  if (window.Blazor) window.Blazor.addEventListener('enhancedload', init);
  window.tinjauSidak = { sync };
})();
