// Tinjau portal: small progressive enhancements for statically rendered pages (the forms work without them).
// - the map picker (Leaflet): click, drag, arrow keys or "use my location" set the pin into hidden fields
// - photos: type, count and size checked, resized in the browser before upload
// - the description counter, nearby reports before sending, focus after an enhanced navigation, charts, the report map
(() => {
  'use strict';
  const fmt = (template, ...values) => values.reduce((s, v, i) => s.replace(`{${i}}`, v), template || '');
  const step = 0.0001; // ~11 m; Shift: 10x

  function pickers() {
    document.querySelectorAll('[data-map-picker]').forEach((el) => {
      if (el._tinjau || typeof L === 'undefined') return;
      const lat = document.getElementById(el.dataset.latInput);
      const lon = document.getElementById(el.dataset.lonInput);
      const readout = document.getElementById(el.dataset.readout);
      const center = [parseFloat(el.dataset.centerLat), parseFloat(el.dataset.centerLon)];
      const map = L.map(el, { keyboard: false, zoomControl: true, attributionControl: !!el.dataset.tileUrl }).setView(center, parseInt(el.dataset.zoom || '14', 10));
      if (el.dataset.tileUrl) {
        L.tileLayer(el.dataset.tileUrl, { maxZoom: 19, attribution: el.dataset.tileAttribution || '' }).addTo(map);
      }
      let marker = null;
      const set = (latlng, pan) => {
        const p = L.latLng(latlng);
        if (!marker) {
          marker = L.marker(p, { draggable: true, keyboard: false, alt: el.getAttribute('aria-label') }).addTo(map);
          marker.on('dragend', () => set(marker.getLatLng(), false));
        } else {
          marker.setLatLng(p);
        }
        const la = p.lat.toFixed(6), lo = p.lng.toFixed(6);
        document.getElementById(el.dataset.latInput).value = la;
        document.getElementById(el.dataset.lonInput).value = lo;
        const r = document.getElementById(el.dataset.readout);
        if (r) r.textContent = fmt(el.dataset.pinLabel, la, lo);
        if (pan) map.panTo(p);
        nearby(el);
      };
      el._tinjau = { map, set, clear: () => {
        if (marker) { map.removeLayer(marker); marker = null; }
        document.getElementById(el.dataset.latInput).value = '';
        document.getElementById(el.dataset.lonInput).value = '';
        const r = document.getElementById(el.dataset.readout);
        if (r) r.textContent = '';
        const n = document.getElementById(el.dataset.nearby);
        if (n) { n.hidden = true; n.innerHTML = ''; }
      } };
      if (lat && lon && lat.value && lon.value) set([parseFloat(lat.value), parseFloat(lon.value)], true);
      map.on('click', (e) => set(e.latlng, false));
      const category = document.querySelector('[data-category]');
      if (category) category.addEventListener('change', () => { if (marker) nearby(el); });
      el.addEventListener('keydown', (e) => {
        const moves = { ArrowUp: [1, 0], ArrowDown: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
        if (moves[e.key]) {
          e.preventDefault();
          const base = marker ? marker.getLatLng() : map.getCenter();
          const k = e.shiftKey ? 10 : 1;
          set([base.lat + moves[e.key][0] * step * k, base.lng + moves[e.key][1] * step * k], true);
        } else if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          set(marker ? marker.getLatLng() : map.getCenter(), false);
        } else if (e.key === '+' || e.key === '=') { map.zoomIn(); } else if (e.key === '-') { map.zoomOut(); }
      });
      if (readout && !readout.textContent) readout.textContent = '';
    });
    document.querySelectorAll('[data-locate]').forEach((b) => {
      if (b._tinjau) return;
      b._tinjau = true;
      b.addEventListener('click', () => {
        const el = document.getElementById(b.dataset.locate);
        const r = document.getElementById(el.dataset.readout);
        if (!navigator.geolocation) { if (r) r.textContent = el.dataset.locateError; return; }
        navigator.geolocation.getCurrentPosition(
          (pos) => el._tinjau && el._tinjau.set([pos.coords.latitude, pos.coords.longitude], true),
          () => { if (r) r.textContent = el.dataset.locateError; },
          { enableHighAccuracy: true, timeout: 10000 });
      });
    });
    document.querySelectorAll('[data-clear-pin]').forEach((b) => {
      if (b._tinjau) return;
      b._tinjau = true;
      b.addEventListener('click', () => { const el = document.getElementById(b.dataset.clearPin); if (el && el._tinjau) el._tinjau.clear(); });
    });
  }

  let nearbyTimer = 0;
  function nearby(el) {
    const box = document.getElementById(el.dataset.nearby);
    if (!box) return;
    clearTimeout(nearbyTimer);
    nearbyTimer = setTimeout(async () => {
      const lat = document.getElementById(el.dataset.latInput).value;
      const lon = document.getElementById(el.dataset.lonInput).value;
      const cat = (document.querySelector('[data-category]') || {}).value || '';
      if (!lat || !lon) return;
      try {
        const res = await fetch(`/lapor/sekitar?lat=${encodeURIComponent(lat)}&lon=${encodeURIComponent(lon)}&kategori=${encodeURIComponent(cat)}`, { headers: { Accept: 'application/json' } });
        const items = res.ok ? await res.json() : [];
        box.innerHTML = '';
        if (!items.length) { box.hidden = true; return; }
        const h = document.createElement('h3'); h.textContent = box.dataset.heading; box.appendChild(h);
        const p = document.createElement('p'); p.textContent = box.dataset.intro; box.appendChild(p);
        const ul = document.createElement('ul');
        for (const n of items) {
          const li = document.createElement('li');
          const strong = document.createElement('strong'); strong.textContent = `${n.trackingNumber} · ${n.status}`;
          const text = document.createElement('div'); text.textContent = n.excerpt;
          const meta = document.createElement('div'); meta.className = 'hint';
          meta.textContent = `${fmt(box.dataset.meters, n.distanceMeters)} · ${n.filed} · ${fmt(box.dataset.supporters, n.supporters)}`;
          const a = document.createElement('a'); a.href = n.url; a.textContent = box.dataset.support; a.setAttribute('data-support-link', n.trackingNumber);
          li.append(strong, text, meta, a);
          ul.appendChild(li);
        }
        box.appendChild(ul);
        box.hidden = false;
      } catch { box.hidden = true; }
    }, 400);
  }

  function counters() {
    document.querySelectorAll('textarea[data-counter]').forEach((t) => {
      if (t._tinjau) return;
      t._tinjau = true;
      const out = document.getElementById(t.dataset.counter);
      const max = parseInt(t.getAttribute('maxlength') || '4000', 10);
      const update = () => { out.textContent = fmt(out.dataset.template, t.value.length.toLocaleString(document.documentElement.lang), max.toLocaleString(document.documentElement.lang)); };
      t.addEventListener('input', update);
      update();
    });
  }

  async function resize(file, maxSide) {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((ok) => canvas.toBlob(ok, 'image/jpeg', 0.85));
    return new File([blob], file.name.replace(/\.[^.]+$/, '') + '.jpg', { type: 'image/jpeg' });
  }

  // The sidak field app (sidak.js) resizes its photos the same way.
  window.tinjau = Object.assign(window.tinjau || {}, { resizePhoto: resize });

  // The photos chosen (already resized), kept while the form is shown again after an error or an outage: the
  // browser empties a file field when the page is patched, and a citizen should not have to pick them again.
  const chosenPhotos = new Map();

  function photos() {
    const inputs = document.querySelectorAll('input[type=file][data-photos]');
    if (!inputs.length) chosenPhotos.clear();
    inputs.forEach((input) => {
      const kept = chosenPhotos.get(input.name);
      if (input.dataset.again !== 'true') chosenPhotos.delete(input.name);
      else if (kept && kept.length && !(input.files && input.files.length)) {
        const dt = new DataTransfer();
        for (const f of kept) dt.items.add(f);
        input.files = dt.files;
        const status = document.getElementById(input.dataset.photos);
        const kb = Array.from(input.files).reduce((sum, f) => sum + f.size, 0) / 1024;
        if (status) status.textContent = fmt(input.dataset.ready, input.files.length, Math.round(kb).toLocaleString(document.documentElement.lang));
        // "Choose your photos again" no longer applies: they are back.
        document.getElementById(`${input.id}-error`)?.remove();
        input.removeAttribute('aria-invalid');
        const described = (input.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && id !== `${input.id}-error`);
        input.setAttribute('aria-describedby', described.join(' '));
        const summary = document.querySelector('[data-error-summary]');
        if (summary) {
          summary.querySelectorAll(`a[href$="#${input.id}"]`).forEach((a) => a.closest('li').remove());
          if (!summary.querySelector('li')) summary.remove();
        }
      }
      if (input._tinjau) return;
      input._tinjau = true;
      input.addEventListener('change', async () => {
        const status = document.getElementById(input.dataset.photos);
        const max = parseInt(input.dataset.max || '5', 10);
        const allowed = ['image/jpeg', 'image/png', 'image/webp'];
        const files = Array.from(input.files || []);
        let error = '';
        if (files.length > max) error = fmt(input.dataset.errorCount, max);
        else if (files.some((f) => !allowed.includes(f.type))) error = input.dataset.errorType;
        else if (files.some((f) => f.size > 20 * 1024 * 1024)) error = input.dataset.errorSize;
        if (error) { input.value = ''; chosenPhotos.delete(input.name); status.textContent = error; status.setAttribute('role', 'alert'); return; }
        status.setAttribute('role', 'status');
        try {
          const dt = new DataTransfer();
          for (const f of files) dt.items.add(await resize(f, 1600));
          input.files = dt.files;
        } catch { /* the server checks and cleans the originals too */ }
        chosenPhotos.set(input.name, Array.from(input.files));
        const kb = Array.from(input.files).reduce((s, f) => s + f.size, 0) / 1024;
        status.textContent = fmt(input.dataset.ready, input.files.length, Math.round(kb).toLocaleString(document.documentElement.lang));
      });
    });
  }

  // A map of the city on its centre (data-center-lat/lon), with the tile layer when one is configured; null when the
  // element already has one or Leaflet is not loaded.
  function cityMap(el) {
    if (el._tinjau || typeof L === 'undefined') return null;
    const map = L.map(el, { attributionControl: !!el.dataset.tileUrl }).setView([parseFloat(el.dataset.centerLat), parseFloat(el.dataset.centerLon)], 13);
    el._tinjau = map;
    if (el.dataset.tileUrl) L.tileLayer(el.dataset.tileUrl, { maxZoom: 19, attribution: el.dataset.tileAttribution || '' }).addTo(map);
    return map;
  }

  function reportMaps() {
    document.querySelectorAll('[data-report-map]').forEach((el) => {
      const map = cityMap(el);
      if (!map) return;
      const colors = JSON.parse(el.dataset.colors || '{}');
      const reports = JSON.parse(el.dataset.reports || '[]');
      for (const r of reports) {
        L.circleMarker([r.lat, r.lon], { radius: 7, color: '#1b1b1f', weight: 1, fillColor: colors[r.status] || '#0b5cad', fillOpacity: 0.9 })
          .bindTooltip(`${r.number} · ${r.label}`).addTo(map);
      }
      // One kecamatan chosen: show its reports, not the whole city.
      if (el.dataset.fit === 'true' && reports.length) map.fitBounds(reports.map((r) => [r.lat, r.lon]), { maxZoom: 16, padding: [24, 24] });
    });
  }

  // The leadership map: a pin per unit with its IPP category's letter, SLA share or sidak findings (colour is never the
  // only cue), a link to the unit's page, and "!" on units of the early-warning list.
  function unitMaps() {
    document.querySelectorAll('[data-unit-map]').forEach((el) => {
      const map = cityMap(el);
      if (!map) return;
      const pins = JSON.parse(el.dataset.pins || '[]');
      for (const p of pins) {
        const a = document.createElement('a');
        a.href = p.href;
        a.className = 'pin' + (p.big ? ' pin--big' : '') + (p.warned ? ' pin--warned' : '');
        a.style.background = p.fill;
        a.style.color = p.ink;
        a.dataset.mapUnit = p.code;
        a.dataset.category = p.category;
        a.dataset.band = p.band;
        a.setAttribute('aria-label', p.label);
        a.textContent = (p.mark || '–') + (p.warned ? '!' : '');
        // Units with nothing to show stay small and below, so what the map is about is not covered.
        const quiet = !p.mark && !p.warned;
        if (quiet) a.classList.add('pin--quiet');
        const size = quiet ? 16 : p.big ? 34 : 28;
        L.marker([p.lat, p.lon], { icon: L.divIcon({ html: a, className: 'pin-icon', iconSize: [size, size] }), keyboard: false,
          title: p.label, zIndexOffset: quiet ? 0 : 1000 }).addTo(map);
      }
      map.invalidateSize();
      if (pins.length) map.fitBounds(pins.map((p) => [p.lat, p.lon]), { maxZoom: 15, padding: [16, 16] });
    });
  }

  function charts() {
    const canvases = document.querySelectorAll('canvas[data-chart]');
    if (!canvases.length) return;
    const draw = () => canvases.forEach((c) => {
      if (c._tinjau) return;
      const d = JSON.parse(c.dataset.chart);
      c._tinjau = new Chart(c, { type: 'bar', data: { labels: d.labels, datasets: [{ label: d.label, data: d.values, backgroundColor: '#0b5cad' }] },
        options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, scales: { x: { min: 0, max: d.max } }, plugins: { legend: { display: false } } } });
    });
    if (window.Chart) { draw(); return; }
    const src = document.currentScript?.dataset.chartSrc || document.querySelector('script[data-chart-src]').dataset.chartSrc;
    const s = document.createElement('script'); s.src = src; s.onload = draw; document.head.appendChild(s);
  }

  function focusAfterNavigation() {
    const target = document.querySelector('[data-error-summary]') || document.querySelector('[data-notice][role=alert]') || document.querySelector('main h1');
    if (target) { if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1'); target.focus({ preventScroll: false }); }
  }

  // An enhanced form post patches the page to the server's HTML, which knows nothing of Leaflet's classes and panes:
  // a map that lost them is rebuilt (its pin comes back from the hidden fields).
  function resetPatchedMaps() {
    document.querySelectorAll('[data-map-picker], [data-report-map], [data-unit-map]').forEach((el) => {
      if (el._tinjau && !el.classList.contains('leaflet-container')) {
        const map = el._tinjau.map || el._tinjau;
        try { map.remove(); } catch { /* already detached */ }
        el.innerHTML = '';
        el._tinjau = null;
      }
    });
  }

  function init() { resetPatchedMaps(); pickers(); counters(); photos(); reportMaps(); unitMaps(); charts(); }

  document.addEventListener('DOMContentLoaded', () => { init(); if (document.querySelector('[data-error-summary]')) focusAfterNavigation(); });
  if (document.readyState !== 'loading') init();
  if (window.Blazor) window.Blazor.addEventListener('enhancedload', () => { init(); focusAfterNavigation(); });
})();
