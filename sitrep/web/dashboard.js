// The sitrep dashboard: a map, a timeline and an event panel over the REST API. Plain JS, no build step;
// Leaflet and Leaflet.markercluster are served by the app from their pip packages, never from a CDN.
"use strict";
(function () {
  const COLOURS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#8e44ad",
    "Protests": "#1f77b4",
    "Riots": "#d4ac0d",
    "Strategic developments": "#2ca02c",
  };
  const OTHER = "#607d8b";
  const FIRST_PAGE = 1000;   // events in the first request, painted at once
  const PAGE = 10000;        // events per later request (the server's page-size limit caps it)
  const LIST_MAX = 500;      // events listed in the side panel
  const MAP_MAX = 50000;     // events put on the map at most; past that, narrow the filters
  const DAY = 86400000;

  const $ = (id) => document.getElementById(id);
  const state = { features: [], loadSeq: 0, days: [], range: null, pageSize: PAGE };
  const firstPaint = new Promise((resolve) => { state.painted = resolve; });

  function esc(value) {
    return String(value == null ? "" : value).replace(/[&<>"']/g, (c) => (
      { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }
  function colour(type) { return COLOURS[type] || OTHER; }
  function setStatus(text) { $("status").textContent = text; }

  async function getJSON(url) {
    const response = await fetch(url);
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
    return body;
  }

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== "" && v != null) q.set(k, v);
    return q.toString();
  }

  // Filters from the form; the timeline's range lives in the date inputs too.
  function filterParams(withDates) {
    const p = { event_type: $("f-type").value, actor: $("f-actor").value.trim(), country: $("f-country").value };
    if (withDates) { p.since = $("f-since").value; p.until = $("f-until").value; }
    return p;
  }

  // ---- the map -------------------------------------------------------------------------------
  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 14, zoomSnap: 0.5 }).setView([20, 20], 2);
  map.attributionControl.setPrefix("Leaflet").addAttribution("Country outlines: Natural Earth (public domain)");
  const outlines = L.layerGroup().addTo(map);
  const clusters = L.markerClusterGroup({
    chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45, iconCreateFunction: clusterIcon,
  });
  map.addLayer(clusters);

  function radius(fatalities) { return 5 + Math.min(22, 2.2 * Math.sqrt(fatalities || 0)); }

  function markerFor(feature) {
    const p = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const marker = L.circleMarker([lat, lon], {
      radius: radius(p.fatalities), fillColor: colour(p.event_type), fillOpacity: 0.8, color: "#222", weight: 1,
      className: "event-marker",
    });
    marker.fatalities = p.fatalities || 0;
    marker.eventType = p.event_type;
    marker.bindTooltip(`${esc(p.event_date || "undated")} · ${esc(p.sub_event_type)}<br>${esc(p.location || "")}` +
      `${p.country ? ", " + esc(p.country) : ""} · ${p.fatalities || 0} killed`);
    marker.on("click", () => openEvent(p.event_id));
    return marker;
  }

  // A cluster shows its count, is coloured by its commonest event type and grows with its fatalities.
  function clusterIcon(cluster) {
    const byType = {};
    let fatalities = 0;
    for (const m of cluster.getAllChildMarkers()) {
      byType[m.eventType] = (byType[m.eventType] || 0) + 1;
      fatalities += m.fatalities;
    }
    const top = Object.keys(byType).sort((a, b) => byType[b] - byType[a])[0];
    const size = Math.round(24 + 5 * Math.log10(cluster.getChildCount()) + 3 * Math.log10(1 + fatalities));
    return L.divIcon({
      html: `<div class="cluster" style="width:${size}px;height:${size}px;background:${colour(top)}" ` +
            `title="${cluster.getChildCount()} events, ${fatalities} fatalities">${cluster.getChildCount()}</div>`,
      className: "event-cluster", iconSize: [size, size],
    });
  }

  async function loadOutlines() {
    const world = await getJSON("/static/countries.geojson");
    L.geoJSON(world, {
      interactive: false,
      style: { color: "#fff", weight: 0.8, fillColor: "#e8e4d8", fillOpacity: 1 },
    }).addTo(outlines);
  }

  // Online tiles are offered only when configured and reachable; the outlines work without them.
  async function loadSettings() {
    const settings = await getJSON("/settings");
    if (settings.max_page_size) state.pageSize = Math.min(PAGE, settings.max_page_size);
    return settings;
  }

  async function offerTiles() {
    const settings = await state.settings;
    if (!settings.tiles_url) return;
    const probe = settings.tiles_url.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0");
    const reachable = await new Promise((resolve) => {
      const img = new Image();
      const timer = setTimeout(() => resolve(false), 4000);
      img.onload = () => { clearTimeout(timer); resolve(true); };
      img.onerror = () => { clearTimeout(timer); resolve(false); };
      img.src = probe;
    });
    if (!reachable) return;
    const tiles = L.tileLayer(settings.tiles_url, { attribution: settings.tiles_attribution || "", maxZoom: 18 });
    L.control.layers({ "Country outlines (offline)": outlines, "Online map": tiles }).addTo(map);
  }

  // ---- events --------------------------------------------------------------------------------
  // A first small page, painted at once, then bigger pages added as they come: the map shows
  // something within a moment even when the store holds tens of thousands of events.
  async function loadEvents(fit) {
    const seq = ++state.loadSeq;
    setStatus("loading…");
    document.body.dataset.state = "loading";
    const prefetched = window.sitrepFirstPage;  // index.html's request, good for the unfiltered map only
    window.sitrepFirstPage = null;
    await state.settings;
    const filters = filterParams(true);
    const unfiltered = !Object.values(filters).some(Boolean);
    try {
      let total = 0;
      for (let offset = 0, first = true; first || offset < Math.min(total, MAP_MAX); first = false) {
        const limit = first ? Math.min(FIRST_PAGE, state.pageSize) : state.pageSize;
        const early = first && unfiltered && limit === FIRST_PAGE && prefetched ? await prefetched : null;
        const page = early || await getJSON("/events?" + query({ ...filters, format: "geojson", limit, offset }));
        if (seq !== state.loadSeq) return;  // a newer request has started
        if (first) {  // the old markers stay until the new ones are here
          clusters.clearLayers();
          state.features = [];
        }
        total = page.total;
        offset += page.features.length;
        if (!page.features.length) break;
        showPage(page.features, first && fit);
        setStatus(`${total} events · ${offset} loaded…`);
      }
      finishLoad(total);
    } catch (err) {
      setStatus("error: " + err.message);
      document.body.dataset.state = "error";
    }
  }

  function showPage(features, fit) {
    state.features = state.features.concat(features);
    const placed = features.filter((f) => f.geometry);
    clusters.addLayers(placed.map(markerFor));
    // (the cluster layer adds markers in chunks, so its own bounds are not known yet)
    if (fit && placed.length) {
      const bounds = L.latLngBounds(placed.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
      map.fitBounds(bounds, { maxZoom: 7, padding: [20, 20] });
    }
    // Two frames on, the first markers have been painted: the benchmark reads this time.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      if (window.sitrepMapPainted === undefined) window.sitrepMapPainted = performance.now();
      state.painted();
    }));
  }

  function finishLoad(total) {
    const placed = state.features.filter((f) => f.geometry).length;
    renderList(state.features);
    const part = state.features.length < total ? ` (the first ${state.features.length}: narrow the filters)` : "";
    setStatus(`${total} events · ${placed} on the map${part}`);
    if (window.sitrepMapLoaded === undefined) window.sitrepMapLoaded = performance.now();
    state.painted();
    document.body.dataset.state = "ready";
    document.body.dataset.events = String(total);
  }

  function renderList(features) {
    const shown = features.slice(-LIST_MAX).reverse();  // newest first
    $("list-count").textContent = features.length > LIST_MAX
      ? `(newest ${LIST_MAX} of ${features.length})` : `(${features.length})`;
    $("event-list").innerHTML = shown.map((f) => {
      const p = f.properties;
      return `<li data-id="${esc(p.event_id)}" tabindex="0"><span class="swatch" style="background:${colour(p.event_type)}"></span>` +
        `${esc(p.event_date || "undated")} · ${esc(p.sub_event_type)} · ${esc(p.location || "?")}` +
        `${p.fatalities ? ` · <b>${p.fatalities}</b> killed` : ""}${p.conflicting ? " ⚠" : ""}</li>`;
    }).join("");
  }

  $("event-list").addEventListener("click", (e) => {
    const li = e.target.closest("li[data-id]");
    if (li) openEvent(li.dataset.id);
  });
  $("event-list").addEventListener("keydown", (e) => {
    const li = e.target.closest("li[data-id]");
    if (li && e.key === "Enter") openEvent(li.dataset.id);
  });

  // ---- the event panel -----------------------------------------------------------------------
  async function openEvent(id) {
    let ev;
    try {
      ev = await getJSON("/events/" + encodeURIComponent(id));
    } catch (err) {
      setStatus("error: " + err.message);
      return;
    }
    $("list-view").hidden = true;
    $("event-view").hidden = false;
    $("event").innerHTML = eventHTML(ev);
    $("event").dataset.id = ev.event_id;
    if (ev.latitude != null) map.panTo([ev.latitude, ev.longitude]);
    await showArticles(ev);
  }

  $("back").addEventListener("click", () => { $("event-view").hidden = true; $("list-view").hidden = false; });

  function eventHTML(ev) {
    return `<h3><span class="swatch" style="background:${colour(ev.event_type)}"></span>` +
      `${esc(ev.sub_event_type)} · ${esc(ev.event_date || "undated")}</h3>` +
      `<p class="muted">${esc(ev.event_type)} · ${esc([ev.location, ev.admin1, ev.country].filter(Boolean).join(", "))}</p>` +
      `<p class="notes">${esc(ev.notes || "(no notes)")}</p>` +
      `<h3>Fields</h3>${fieldsTable(ev)}` +
      `<h3>Sources and their claims${ev.conflicting_claims ? ' <span title="the sources disagree">⚠ conflicting</span>' : ""}</h3>` +
      `<div class="claims">${claimsTable(ev.claims || [])}</div>` + copiesHTML(ev.duplicates || []) +
      `<h3>Evidence in the articles</h3><div id="articles"><p class="muted">loading…</p></div>`;
  }

  // Articles the store recognised as copies of a source's (same text, another URL or outlet).
  function copiesHTML(copies) {
    if (!copies.length) return "";
    return '<p class="muted">The same report also appeared as: ' + copies.map((a) =>
      esc([a.outlet, a.title, a.published].filter(Boolean).join(", ") || a.article_id || a.id)).join("; ") + "</p>";
  }

  function fieldsTable(ev) {
    const actors = (n) => [ev["actor" + n], ...(ev["assoc_actor_" + n] || [])].filter(Boolean).join("; ");
    const fat = ev.fatalities_low != null && ev.fatalities_high != null && ev.fatalities_low !== ev.fatalities_high
      ? `${ev.fatalities} (best ${ev.fatalities_best}, range ${ev.fatalities_low}–${ev.fatalities_high})` : ev.fatalities;
    const rows = [
      ["Event id", ev.event_id], ["Date", ev.event_date + (ev.date_start && ev.date_start !== ev.date_end
        ? ` (${ev.date_start} to ${ev.date_end})` : "")], ["Time precision", ev.time_precision],
      ["Disorder type", ev.disorder_type], ["Event type", ev.event_type], ["Sub-event type", ev.sub_event_type],
      ["Actor 1", actors(1)], ["Actor 2", actors(2)], ["Interaction", ev.interaction],
      ["Civilian targeting", ev.civilian_targeting], ["Location", ev.location], ["Admin 1", ev.admin1],
      ["Admin 2", ev.admin2], ["Country", ev.country && `${ev.country} (${ev.iso3 || ""})`],
      ["Coordinates", ev.latitude != null ? `${ev.latitude}, ${ev.longitude} (precision ${ev.geo_precision})` : null],
      ["Fatalities", fat], ["By party", objectText(ev.fatalities_by_party)],
      ["Civilian fatalities", ev.civilian_fatalities], ["Source", ev.source], ["Outlet", ev.outlet],
      ["Confidence", ev.confidence], ["Decided by", ev.decided_by],
      ["Territorial change", (ev.territorial_change || []).map(objectText).join("; ")],
      ["Displacement", (ev.displacement || []).map(objectText).join("; ")],
    ];
    return "<table class=\"fields\">" + rows.filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join("") + "</table>";
  }

  function objectText(obj) {
    if (!obj || typeof obj !== "object") return obj == null ? "" : String(obj);
    return Object.entries(obj).filter(([, v]) => v !== null && v !== "" && !(Array.isArray(v) && !v.length))
      .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : v}`).join(", ");
  }

  // One column per claim, grouped by source; a row whose values differ between claims is a conflict.
  function claimsTable(claims) {
    if (!claims.length) return '<p class="muted">no claims</p>';
    const sorted = [...claims].sort((a, b) => String(a.source || "").localeCompare(String(b.source || "")));
    const f = (c) => c.fatalities || {};
    const rows = [
      ["Sub-event type", (c) => c.sub_event_type, true],
      ["Fatalities (best)", (c) => f(c).best, true],
      ["Range", (c) => (f(c).low != null ? `${f(c).low}–${f(c).high}` : null), true],
      ["By party", (c) => objectText(f(c).by_party), false],
      ["Civilians", (c) => f(c).civilians, true],
      ["As written", (c) => f(c).text, false],
      ["Sentence", (c) => c.text, false],
    ];
    let html = "<table><tr><th>Source</th>" +
      sorted.map((c) => `<th>${esc(c.source || "(unattributed)")}</th>`).join("") + "</tr>";
    for (const [label, get, compare] of rows) {
      const values = sorted.map(get);
      const given = values.filter((v) => v !== null && v !== undefined && v !== "");
      if (!given.length) continue;
      const conflict = compare && new Set(given.map(String)).size > 1;
      html += `<tr><th>${esc(label)}</th>` + sorted.map((c, i) => {
        const v = values[i];
        const cls = conflict && v != null && v !== "" ? ' class="conflict"' : "";
        const link = label === "Sentence" ? ` data-article="${esc(c.article_id)}" data-start="${c.start}"` : "";
        return `<td${cls}${link}>${esc(v == null ? "" : v)}</td>`;
      }).join("") + "</tr>";
    }
    return html + "</table>";
  }

  async function showArticles(ev) {
    const ids = (ev.articles || []).map((a) => a.id || a.article_id).filter(Boolean);
    const articleIds = ids.length ? ids : (ev.article_ids || []);
    const spans = [...(ev.evidence || [])];
    for (const c of ev.claims || []) spans.push({ start: c.start, end: c.end, article_id: c.article_id });
    const parts = [];
    for (const id of articleIds) {
      let article;
      try {
        article = await getJSON("/articles/" + encodeURIComponent(id));
      } catch (err) {
        parts.push(`<p class="muted">article ${esc(id)}: ${esc(err.message)}</p>`);
        continue;
      }
      const mine = spans.filter((s) => !s.article_id || s.article_id === id);
      const head = [article.title, article.outlet, article.published].filter(Boolean).map(esc).join(" · ");
      const link = article.url && /^https?:/.test(article.url) ? ` <a href="${esc(article.url)}" rel="noreferrer">link</a>` : "";
      parts.push(`<h4>${head || esc(id)}${link}</h4><div class="article" data-article="${esc(id)}">` +
        markEvidence(article.text || "", mine) + "</div>");
    }
    if ($("event").dataset.id !== ev.event_id) return;  // another event was opened meanwhile
    $("articles").innerHTML = parts.join("") || '<p class="muted">no article stored</p>';
  }

  // The article text with each evidence span wrapped in <mark>; overlapping spans are merged.
  function markEvidence(text, spans) {
    const sorted = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start)
      .sort((a, b) => a.start - b.start);
    let html = "";
    let at = 0;
    for (const s of sorted) {
      if (s.start < at) continue;
      html += esc(text.slice(at, s.start)) +
        `<mark class="evidence" data-start="${s.start}">${esc(text.slice(s.start, s.end))}</mark>`;
      at = s.end;
    }
    return html + esc(text.slice(at));
  }

  // Clicking a claim's sentence shows it in its article.
  $("event").addEventListener("click", (e) => {
    const cell = e.target.closest("td[data-start]");
    if (!cell) return;
    for (const m of document.querySelectorAll("mark.evidence.focus")) m.classList.remove("focus");
    const box = document.querySelector(`.article[data-article="${CSS.escape(cell.dataset.article)}"]`);
    const mark = box && box.querySelector(`mark[data-start="${CSS.escape(cell.dataset.start)}"]`);
    if (mark) { mark.classList.add("focus"); mark.scrollIntoView({ block: "center", behavior: "smooth" }); }
  });

  // ---- the timeline --------------------------------------------------------------------------
  async function loadTimeline() {
    const body = await getJSON("/stats?" + query({ ...filterParams(false), by: "day", group: "event_type" }));
    const byDay = new Map();
    for (const row of body.rows) {
      if (!row.period) continue;
      const d = byDay.get(row.period) || { events: 0, fatalities: 0, types: {} };
      d.events += row.events;
      d.fatalities += row.fatalities || 0;
      d.types[row.group] = (d.types[row.group] || 0) + row.events;
      byDay.set(row.period, d);
    }
    const keys = [...byDay.keys()].sort();
    state.days = [];
    if (keys.length) {
      for (let t = Date.parse(keys[0]); t <= Date.parse(keys[keys.length - 1]); t += DAY) {
        const day = new Date(t).toISOString().slice(0, 10);
        state.days.push({ day, ...(byDay.get(day) || { events: 0, fatalities: 0, types: {} }) });
      }
    }
    drawTimeline();
  }

  function drawTimeline() {
    const svg = $("timeline");
    const width = svg.clientWidth || 800;
    const height = 110;
    const top = 6, bottom = 16;
    const days = state.days;
    if (!days.length) {
      svg.innerHTML = `<text x="10" y="50" class="axis">no dated events</text>`;
      $("t-scale").textContent = "";
      return;
    }
    const step = width / days.length;
    const maxEvents = Math.max(1, ...days.map((d) => d.events));
    const maxFatal = Math.max(1, ...days.map((d) => d.fatalities));
    const h = height - top - bottom;
    let out = "";
    const since = $("f-since").value, until = $("f-until").value;
    if (since || until) {
      const a = Math.max(0, days.findIndex((d) => d.day >= (since || days[0].day)));
      let b = days.length - 1;
      while (b > 0 && until && days[b].day > until) b--;
      if (b >= a) out += `<rect class="selected" x="${a * step}" y="0" width="${(b - a + 1) * step}" height="${height - bottom}"/>`;
    }
    days.forEach((d, i) => {
      let y = top + h;
      for (const type of Object.keys(COLOURS).concat(Object.keys(d.types).filter((t) => !COLOURS[t]))) {
        const n = d.types[type];
        if (!n) continue;
        const bh = (n / maxEvents) * h;
        y -= bh;
        out += `<rect x="${i * step + step * 0.1}" y="${y}" width="${Math.max(1, step * 0.8)}" height="${bh}" ` +
          `fill="${colour(type)}"><title>${d.day}: ${n} ${esc(type)}</title></rect>`;
      }
    });
    const line = days.map((d, i) => `${i * step + step / 2},${top + h - (d.fatalities / maxFatal) * h}`).join(" ");
    out += `<polyline class="fatal" points="${line}"><title>fatalities per day (max ${maxFatal})</title></polyline>`;
    const ticks = Math.min(days.length, Math.floor(width / 90));
    for (let k = 0; k < ticks; k++) {
      const i = Math.floor((k * days.length) / ticks);
      out += `<text class="axis" x="${i * step}" y="${height - 3}">${days[i].day}</text>`;
    }
    svg.innerHTML = out;
    $("t-scale").textContent = `· tallest bar ${maxEvents} events, line's peak ${maxFatal} killed`;
  }

  function dayAt(x) {
    const svg = $("timeline");
    const i = Math.floor(((x - svg.getBoundingClientRect().left) / (svg.clientWidth || 1)) * state.days.length);
    return state.days[Math.max(0, Math.min(state.days.length - 1, i))];
  }

  let dragFrom = null;
  $("timeline").addEventListener("mousedown", (e) => { if (state.days.length) dragFrom = dayAt(e.clientX).day; });
  $("timeline").addEventListener("mousemove", (e) => {
    if (dragFrom === null) return;
    setRange(dragFrom, dayAt(e.clientX).day);
    drawTimeline();
  });
  window.addEventListener("mouseup", (e) => {
    if (dragFrom === null) return;
    setRange(dragFrom, dayAt(e.clientX).day);
    dragFrom = null;
    drawTimeline();
    loadEvents(false);
  });

  function setRange(a, b) {
    $("f-since").value = a < b ? a : b;
    $("f-until").value = a < b ? b : a;
    $("t-clear").hidden = false;
  }

  $("t-clear").addEventListener("click", () => {
    $("f-since").value = "";
    $("f-until").value = "";
    $("t-clear").hidden = true;
    drawTimeline();
    loadEvents(false);
  });
  window.addEventListener("resize", drawTimeline);

  // ---- filters -------------------------------------------------------------------------------
  async function loadChoices() {
    const [taxonomy, countries, actors] = await Promise.all([
      getJSON("/taxonomy"), getJSON("/stats?group=country&by=week"),
      getJSON("/actors?" + query({ limit: Math.min(1000, state.pageSize) })),
    ]);
    $("f-type").innerHTML += taxonomy.event_types
      .map((t) => `<option value="${esc(t)}">${esc(t)}</option>`).join("");
    const names = [...new Set(countries.rows.map((r) => r.group).filter(Boolean))].sort();
    $("f-country").innerHTML += names.map((c) => `<option value="${esc(c)}">${esc(c)}</option>`).join("");
    $("actor-list").innerHTML = actors.actors
      .map((a) => `<option value="${esc(a.name || a.actor)}">`).join("");
    $("legend").innerHTML = taxonomy.event_types
      .map((t) => `<span><span class="swatch" style="background:${colour(t)}"></span>${esc(t)}</span>`).join("") +
      "<span>marker size: fatalities</span>";
  }

  function refilter() { loadEvents(true); loadTimeline(); }
  for (const id of ["f-type", "f-country"]) $(id).addEventListener("change", refilter);
  $("f-actor").addEventListener("change", refilter);
  for (const id of ["f-since", "f-until"]) $(id).addEventListener("change", () => {
    $("t-clear").hidden = !($("f-since").value || $("f-until").value);
    drawTimeline();
    loadEvents(false);
  });
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); refilter(); });
  $("f-reset").addEventListener("click", () => {
    $("filters").reset();
    $("t-clear").hidden = true;
    refilter();
  });

  // Events first: the timeline and the filters' choices wait for the first markers.
  state.settings = loadSettings().catch(() => ({}));
  loadEvents(true);
  loadOutlines().catch((err) => setStatus("outlines: " + err.message));
  firstPaint.then(() => {
    loadTimeline().catch((err) => setStatus("timeline: " + err.message));
    loadChoices().catch((err) => setStatus("filters: " + err.message));
    offerTiles().catch(() => {});
  });
})();
