/* c2graph explorer: walks the embedded models phase by phase.
 *
 * Every answer shown (chains, single points of failure, switches, counterparts, diffs) was
 * computed by c2graph and embedded as data; this script only looks them up and shows them.
 * Model texts are data: they are set as text nodes and attribute values, never parsed as
 * markup, and only http(s) URLs become links.  Every interface string comes from the data's
 * `ui` object (c2graph's message catalogue, in the page's language).
 */
(() => {
  "use strict";

  const DATA = JSON.parse(document.getElementById("c2-data").textContent);
  const UI = DATA.ui;
  const WEB = /^https?:\/\//i;
  const byId = (id) => document.getElementById(id);
  const norm = (text) => String(text).normalize("NFKC").toLowerCase();
  const runs = [];
  const state = {
    model: 0, phase: 0, from: null, node: null, link: null,
    layer: DATA.chainLayers[0], diff: false,
    nations: new Set(), relations: new Set(), view: null,
  };

  // ----- the page's strings: `{field}` filled in with texts or elements ------------------

  function parts(key, fields) {
    return UI[key].split(/\{(\w+)\}/).map((piece, i) => (i % 2 ? fields[piece] : piece))
      .filter((piece) => piece !== "" && piece !== undefined && piece !== null);
  }

  const t = (key, fields) => parts(key, fields || {}).map(String).join("");
  const word = (group, id) => UI[`word.${group}.${id}`] ?? id;

  // ----- building elements: text is always a text node -----------------------------------

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "on") {
        for (const [name, handler] of Object.entries(value)) node.addEventListener(name, handler);
      } else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  function webLink(url, text) {
    if (typeof url === "string" && WEB.test(url)) {
      return el("a", { href: url, rel: "noreferrer noopener", target: "_blank" }, text || url);
    }
    return document.createTextNode(text || String(url));
  }

  function definitions(rows) {
    const list = el("dl");
    for (const [term, value] of rows) {
      if (value === null || value === undefined || value === "") continue;
      list.append(el("dt", {}, term), el("dd", {}, value));
    }
    return list;
  }

  // ----- the model being shown -----------------------------------------------------------

  const model = () => DATA.models[state.model];
  const run = () => prepare(state.model);
  const ownName = (node) => (DATA.names && node.names && node.names[DATA.names]) || null;
  const label = (node) => ownName(node) || node.short || node.name;
  const fullName = (node) => ownName(node) || node.name;
  const relationLabel = (rel) => DATA.relations[rel].label;
  const situationName = (m, index) => m.situations[index].name;
  const nationName = (m, code) => (m.nations.find((n) => n[0] === code) || [code, code])[1];
  const refs = (m, list) => list.flatMap((n, i) => (i ? [UI.sep, nodeRef(m, n)] : [nodeRef(m, n)]));

  function present(m, index) {
    return m.nodes[index].in.includes(state.phase);
  }

  function linkHolds(m, index) {
    const link = m.links[index];
    return link.in.includes(state.phase) && present(m, link.from) && present(m, link.to);
  }

  function prepare(mi) {
    if (runs[mi]) return runs[mi];
    const m = DATA.models[mi];
    const svg = byId("drawing-" + mi).querySelector("svg");
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    const fit = svg.getAttribute("viewBox").trim().split(/[\s,]+/).map(Number);
    const nodes = new Map();
    const links = new Map();
    m.svg.nodes.forEach((index, k) => {
      const group = byId(`m${mi}-n${k}`);
      if (!group) return;
      group.dataset.node = m.nodes[index].id;
      group.dataset.index = String(index);
      nodes.set(index, group);
    });
    m.svg.links.forEach((index, k) => {
      const group = byId(`m${mi}-e${k}`);
      if (!group) return;
      group.dataset.link = m.links[index].key;
      group.dataset.index = String(index);
      const path = group.querySelector("path");
      if (path) {
        const hit = path.cloneNode(false);
        hit.setAttribute("class", "hit");
        hit.removeAttribute("stroke-dasharray");
        group.insertBefore(hit, path);
      }
      links.set(index, group);
    });
    const members = Object.entries(m.svg.memberLines).map(([index, spec]) => {
      const group = nodes.get(Number(index));
      const texts = group ? [...group.querySelectorAll("text")] : [];
      return {
        texts, first: spec.first, lines: spec.lines,
        originals: texts.map((t) => [t.textContent, t.getAttribute("x"), t.getAttribute("text-anchor")]),
        centre: group ? shapeCentre(group) : 0,
      };
    });
    runs[mi] = { svg, fit, nodes, links, members };
    return runs[mi];
  }

  function shapeCentre(group) {
    const shape = group.querySelector("polygon, ellipse, path");
    if (!shape) return 0;
    if (shape.tagName === "ellipse") return Number(shape.getAttribute("cx"));
    const numbers = (shape.getAttribute("points") || shape.getAttribute("d") || "")
      .match(/-?\d+(?:\.\d+)?/g) || ["0"];
    const xs = numbers.filter((_, i) => i % 2 === 0).map(Number);
    return (Math.min(...xs) + Math.max(...xs)) / 2;
  }

  // ----- showing a state -----------------------------------------------------------------

  function chainsOf(m) {
    if (state.node === null) return null;
    return m.chains[state.layer][state.phase].nodes[String(state.node)] || null;
  }

  function switchOf(m) {
    if (state.from === null || state.from === state.phase) return null;
    return m.switches[state.from + "," + state.phase];
  }

  function highlightSets(chains) {
    const sets = { upNodes: new Set(), upLinks: new Set(), downNodes: new Set(), downLinks: new Set() };
    if (!chains) return sets;
    for (const path of chains.up) {
      path[0].forEach((n) => sets.upNodes.add(n));
      path[1].forEach((l) => sets.upLinks.add(l));
    }
    chains.down[0].forEach((n) => sets.downNodes.add(n));
    chains.down[1].forEach((l) => sets.downLinks.add(l));
    return sets;
  }

  // What the state marks: the chains of the selection, a phase change, a diff.
  function marks(m) {
    const change = switchOf(m);
    const diff = state.diff && m.diff ? m.diff : null;
    const set = (list) => new Set(list || []);
    return {
      chains: chainsOf(m),
      change,
      diff,
      activated: set(change && change.activated),
      lapsed: set(change && change.lapsed),
      gone: set(change && change.nodesOff),
      added: set(diff && diff.linksAdded),
      changed: set(diff && diff.linksChanged.map((c) => c[0])),
      nodesAdded: set(diff && diff.nodesAdded),
      nodesChanged: set(diff && diff.nodesChanged.map((c) => c[0])),
    };
  }

  function markNodes(m, r, mark, sets) {
    const picked = state.link === null ? null : m.links[state.link];
    const focus = state.node !== null;
    for (const [index, group] of r.nodes) {
      const here = present(m, index);
      const ghost = !here && mark.gone.has(index);
      const on = sets.upNodes.has(index) || sets.downNodes.has(index) || index === state.node;
      const end = picked !== null && (picked.from === index || picked.to === index);
      const classes = group.classList;
      classes.toggle("absent", !here && !ghost);
      classes.toggle("ghost", ghost);
      classes.toggle("filtered", state.nations.has(m.nodes[index].nation));
      classes.toggle("up", sets.upNodes.has(index));
      classes.toggle("down", sets.downNodes.has(index));
      classes.toggle("selected", index === state.node || end);
      classes.toggle("dim", focus && !on);
      classes.toggle("diff-added", mark.nodesAdded.has(index));
      classes.toggle("diff-changed", mark.nodesChanged.has(index));
    }
  }

  function markLinks(m, r, mark, sets) {
    const focus = state.node !== null;
    for (const [index, group] of r.links) {
      const link = m.links[index];
      const here = linkHolds(m, index);
      const ghost = !here && mark.lapsed.has(index);
      const hidden = state.relations.has(link.relation)
        || state.nations.has(m.nodes[link.from].nation) || state.nations.has(m.nodes[link.to].nation);
      const classes = group.classList;
      classes.toggle("absent", !here && !ghost);
      classes.toggle("lapsed", ghost);
      classes.toggle("activated", here && mark.activated.has(index));
      classes.toggle("filtered", hidden);
      classes.toggle("up", sets.upLinks.has(index));
      classes.toggle("down", sets.downLinks.has(index));
      classes.toggle("picked", index === state.link);
      classes.toggle("dim", focus && !sets.upLinks.has(index) && !sets.downLinks.has(index));
      classes.toggle("diff-added", mark.added.has(index));
      classes.toggle("diff-changed", mark.changed.has(index));
    }
  }

  function update() {
    const m = model();
    const r = run();
    DATA.models.forEach((_, i) => { byId("drawing-" + i).hidden = i !== state.model; });
    const mark = marks(m);
    const sets = highlightSets(mark.chains);
    markNodes(m, r, mark, sets);
    markLinks(m, r, mark, sets);
    writeMembers(r);
    showTabs(m);
    showDetails(m, mark.chains);
    showChange(m, mark.change);
    showDiff(m, mark.diff);
    byId("title").textContent = m.name;
    byId("model").value = String(state.model);
    byId("layer").value = state.layer;
    r.svg.setAttribute("viewBox", (state.view || r.fit).join(" "));
    writeHash();
  }

  function writeMembers(r) {
    for (const body of r.members) {
      const lines = body.lines[String(state.phase)];
      body.texts.forEach((text, i) => {
        if (i < body.first) return;
        if (!lines) {
          const [content, x, anchor] = body.originals[i];
          text.textContent = content;
          text.setAttribute("x", x);
          text.setAttribute("text-anchor", anchor);
          return;
        }
        const last = i === body.texts.length - 1;
        const own = last ? lines.slice(i - body.first).join(" ") : lines[i - body.first];
        text.textContent = own || "";
        text.setAttribute("x", String(body.centre));
        text.setAttribute("text-anchor", "middle");
      });
    }
  }

  // ----- phase tabs ----------------------------------------------------------------------

  function showTabs(m) {
    const box = byId("phases");
    box.replaceChildren();
    const groups = new Map();
    m.situations.forEach((situation, index) => {
      if (!groups.has(situation.group)) groups.set(situation.group, []);
      groups.get(situation.group).push(index);
    });
    for (const [group, indices] of groups) {
      const row = el("div", { class: "group" }, el("span", {}, group));
      for (const index of indices) {
        const situation = m.situations[index];
        row.append(el("button", {
          type: "button", "data-situation": situation.id,
          "aria-pressed": index === state.phase ? "true" : "false",
          class: index === state.from ? "from" : null,
          title: [situation.names.ja, situation.text].filter(Boolean).join(" · "),
          on: { click: () => goTo(index) },
        }, situation.name));
      }
      box.append(row);
    }
  }

  function goTo(index) {
    if (index === state.phase) return;
    state.from = state.phase;
    state.phase = index;
    update();
  }

  function stepPhase(step) {
    const count = model().situations.length;
    goTo((state.phase + step + count) % count);
  }

  // ----- the side panel: a node or a link ------------------------------------------------

  function nodeRef(m, index) {
    const node = m.nodes[index];
    return el("button", {
      type: "button", class: "ref", "data-ref-node": node.id, title: node.name,
      on: { click: () => selectNode(index) },
    }, label(node));
  }

  function linkRef(m, index, text) {
    return el("button", {
      type: "button", class: "ref", "data-ref-link": m.links[index].key,
      on: { click: () => selectLink(index) },
    }, text);
  }

  function linkLine(m, index) {
    const link = m.links[index];
    return [nodeRef(m, link.from), " ", linkRef(m, index, `—${relationLabel(link.relation)}→`),
      " ", nodeRef(m, link.to)];
  }

  function sourceText(m, id) {
    if (!id) return null;
    const source = m.sources[id];
    if (!source) return id;
    const details = [source.publisher, source.date].filter(Boolean).join(", ");
    const text = details ? `${source.title} (${details})` : source.title;
    return el("span", {}, text, source.url ? [" — ", webLink(source.url)] : "",
      source.where ? ` — ${source.where}` : "");
  }

  function localTime(clock) {
    const now = new Date();
    if (clock.tz) {
      try {
        return new Intl.DateTimeFormat(UI.locale, {
          timeZone: clock.tz, weekday: "short", hour: "2-digit", minute: "2-digit",
          timeZoneName: "short",
        }).format(now);
      } catch (error) { /* a zone this browser does not know: use the offset */ }
    }
    if (typeof clock.utcOffset !== "number") return null;
    const there = new Date(now.getTime() + clock.utcOffset * 3600e3);
    const pad = (n) => String(n).padStart(2, "0");
    const day = UI.days.split(" ")[there.getUTCDay()];
    const sign = clock.utcOffset >= 0 ? "+" : "";
    return t("utc", { day, time: `${pad(there.getUTCHours())}:${pad(there.getUTCMinutes())}`,
      offset: `${sign}${clock.utcOffset}` });
  }

  function showDetails(m, chains) {
    const box = byId("details");
    box.replaceChildren();
    if (state.node !== null) nodeDetails(box, m, state.node, chains);
    else if (state.link !== null) linkDetails(box, m, state.link);
    else {
      box.append(el("h2", {}, UI.explore), el("p", { class: "note" }, UI.intro), highlightKey());
    }
  }

  function highlightKey() {
    const swatches = ["up", "down", "on", "off", "added", "changed"];
    return el("ul", { class: "key" }, swatches.map((swatch) =>
      el("li", {}, el("span", { class: "swatch sw-" + swatch }), UI["swatch." + swatch])));
  }

  function nodeDetails(box, m, index, chains) {
    const node = m.nodes[index];
    const clock = m.clocks[index];
    const location = node.location ? m.locations[node.location] : null;
    const others = Object.entries(node.names || {}).filter(([lang]) => lang !== DATA.names)
      .map(([lang, text], i) => [i ? " · " : "", t("other_name", { lang: UI["lang." + lang] ?? lang }),
        el("span", { lang }, text)]);
    box.append(el("h2", { id: "selected-name", title: node.name }, fullName(node)));
    if (others.length) box.append(el("p", {}, others));
    box.append(definitions([
      [UI["field.id"], node.id],
      [UI["field.kind"], t("kind_of", { kind: word("kind", node.kind), nation: nationName(m, node.nation) })],
      [UI["field.location"], location ? location.name : node.location],
      [UI["field.local_time"], localTime(clock)],
    ]));
    const record = definitions([
      [UI["field.short"], node.short], [UI["field.echelon"], node.echelon], [UI["field.clock"], clock.text],
      [UI["field.source"], sourceText(m, node.source)],
      [UI["field.confidence"], node.confidence && word("confidence", node.confidence)], [UI["field.note"], node.note],
    ]);
    if (!present(m, index)) {
      box.append(el("p", { class: "warn" }, t("absent", { phase: situationName(m, state.phase) })),
        el("h3", {}, UI.record), record);
      return;
    }
    const where = t("where", { layer: t("layer." + state.layer), phase: situationName(m, state.phase) });
    box.append(el("h3", {}, t("chains_up", { where })));
    const up = chains ? chains.up : [];
    box.append(up.length ? el("ul", { id: "chains-up" }, up.map((path) => el("li", {},
      path[0].flatMap((n, i) => (i ? [" → ", nodeRef(m, n)] : [nodeRef(m, n)])),
      t("effective", { authority: word("authority", path[2]) }),
      path[3] && path[3] !== "national" ? t("scope", { scope: word("scope", path[3]) }) : "",
      path[4].length ? parts("consent", { nodes: refs(m, path[4]) }) : "")))
      : el("p", { class: "note" }, UI.none_in_layer));
    if (chains && chains.warning) box.append(el("p", { class: "warn" }, chains.warning));
    linkList(box, m, UI.superiors, chains ? chains.superiors : []);
    linkList(box, m, UI.subordinates, chains ? chains.subordinates : []);
    const below = chains ? chains.down[0].filter((n) => n !== index) : [];
    box.append(el("h3", {}, t("reaches", { count: below.length })),
      below.length ? el("p", { id: "chains-down" }, refs(m, below))
        : el("p", { class: "note" }, UI.nothing_below));
    spofList(box, m, chains);
    counterpartList(box, m, index);
    box.append(el("h3", {}, UI.record), record);
  }

  function linkList(box, m, title, indices) {
    box.append(el("h3", {}, title), indices.length
      ? el("ul", {}, indices.map((i) => el("li", {}, linkLine(m, i))))
      : el("p", { class: "note" }, UI.none_in_layer));
  }

  function spofList(box, m, chains) {
    const table = m.chains[state.layer][state.phase].spof;
    const mine = chains ? chains.spof : [];
    box.append(el("h3", {}, UI.spof));
    if (!mine.length) {
      box.append(el("p", { class: "note" }, UI.none));
      return;
    }
    box.append(el("ul", { id: "spof" }, mine.map((i) => {
      const [node, family, units] = table[i];
      const named = m.families[family] ?? family;
      return el("li", {}, parts("spof.item", { node: nodeRef(m, node), family: named, units: refs(m, units) }));
    })));
  }

  function counterpartList(box, m, index) {
    const rows = m.counterparts[state.phase].filter((row) => row[0] === index);
    box.append(el("h3", {}, UI.counterparts));
    if (!rows.length) {
      box.append(el("p", { class: "note" }, UI.none_in_phase));
      return;
    }
    box.append(el("ul", {}, rows.map(([, other, link, authority, forces, offset, shared]) =>
      el("li", {}, nodeRef(m, other), " ", linkRef(m, link, UI["counterpart.link"]),
        authority === "none" ? UI["counterpart.none"]
          : t(forces.length === 1 ? "counterpart.one" : "counterpart.many",
            { authority: word("authority", authority), count: forces.length }),
        el("br"), t("counterpart.clock", { offset }), el("br"), t("counterpart.hours", { shared })))));
  }

  function linkDetails(box, m, index) {
    const link = m.links[index];
    const relation = DATA.relations[link.relation];
    box.append(el("h2", { id: "selected-name" },
      t("arrow", { from: fullName(m.nodes[link.from]), to: fullName(m.nodes[link.to]) })),
      el("p", {}, el("strong", {}, relation.label),
        t("relation", { layer: t("layer." + relation.layer), meaning: relation.meaning })),
      el("p", { class: "note" }, t("doctrine", { doctrine: relation.doctrine })));
    const phases = link.in.map((i) => (i === state.phase ? t("shown", { phase: situationName(m, i) }) : situationName(m, i)));
    box.append(definitions([
      [UI["field.from"], nodeRef(m, link.from)], [UI["field.to"], nodeRef(m, link.to)], [UI["field.key"], link.key],
      [UI["field.holds_in"], phases.join(UI.sep) || UI.no_situation],
      [UI["field.in_phase"], linkHolds(m, index) ? UI.holds : UI.does_not_hold],
      [UI["field.requires"], link.requires], [UI["field.basis"], link.basis],
      [UI["field.source"], sourceText(m, link.source)],
      [UI["field.confidence"], link.confidence && word("confidence", link.confidence)],
      [UI["field.as_of"], link.asOf], [UI["field.note"], link.note],
    ]));
  }

  // ----- the side panel: phase change and diff -------------------------------------------

  function showChange(m, change) {
    const box = byId("change");
    box.replaceChildren(el("h2", {}, UI.change));
    const select = el("select", { id: "from", on: { change: (event) => {
      state.from = event.target.value === "" ? null : Number(event.target.value);
      update();
    } } }, el("option", { value: "" }, UI["change.none"]), m.situations.map((s, i) =>
      el("option", { value: String(i), selected: i === state.from }, s.name)));
    box.append(el("label", {}, parts("change.from", { from: select, phase: situationName(m, state.phase) })));
    if (!change) {
      box.append(el("p", { class: "note" }, UI["change.pick"]));
      return;
    }
    decisionList(box, m, UI["change.required"], change.required, "decisions-required");
    decisionList(box, m, UI["change.discretionary"], change.discretionary, "decisions-discretionary");
    changeList(box, m, t("change.activated", { count: change.activated.length }), change.activated, "activated");
    changeList(box, m, t("change.lapsed", { count: change.lapsed.length }), change.lapsed, "lapsed");
    if (change.rebased.length) {
      changeList(box, m, t("change.rebased", { count: change.rebased.length }), change.rebased, "rebased");
    }
    const nodes = [[UI["change.nodes_on"], change.nodesOn], [UI["change.nodes_off"], change.nodesOff]];
    for (const [title, list] of nodes) {
      if (list.length) box.append(el("h3", {}, title), el("p", {}, refs(m, list)));
    }
  }

  function decisionList(box, m, title, indices, id) {
    if (!indices.length) return;
    box.append(el("h3", {}, title), el("ol", { id }, indices.map((i) => {
      const d = m.decisions[i];
      const name = (id) => {
        const k = m.nodes.findIndex((node) => node.id === id);
        return k >= 0 ? label(m.nodes[k]) : id;
      };
      return el("li", { "data-decision": d.id }, el("strong", {}, d.name),
        t("decision.by", { kind: word("kind", d.kind), deciders: d.deciders.map(name).join(UI.sep) }),
        d.prerequisites ? t("decision.after", { prerequisites: d.prerequisites }) : "",
        d.approvals.map((a) => [el("br"), t("decision.approval", { by: name(a.by), meaning: a.meaning })]),
        d.duration ? [el("br"), t("decision.takes", { duration: d.duration })] : "",
        d.basis ? [el("br"), t("decision.basis", { basis: d.basis })] : "");
    })));
  }

  function changeList(box, m, title, indices, id) {
    box.append(el("h3", {}, title), indices.length
      ? el("ul", { id }, indices.map((i) => el("li", { "data-link": m.links[i].key }, linkLine(m, i),
        t("change.layer", { layer: t("layer." + DATA.relations[m.links[i].relation].layer) }))))
      : el("p", { class: "note" }, UI.none));
  }

  function showDiff(m, diff) {
    const box = byId("diff");
    box.replaceChildren();
    if (m.base === null) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    const base = DATA.models[m.base];
    box.append(el("h2", {}, UI.variant), el("label", {}, el("input", {
      type: "checkbox", id: "diff-toggle", checked: state.diff,
      on: { change: () => { state.diff = !state.diff; update(); } },
    }), t("variant.toggle", { base: base.name })));
    if (!diff) return;
    const fieldLines = (fields) => fields.map(([field, before, after]) =>
      [el("br"), t("field_change", { field, before, after })]);
    box.append(
      el("h3", {}, t("diff.nodes_added", { count: diff.nodesAdded.length })), el("p", {}, refs(m, diff.nodesAdded)),
      el("h3", {}, t("diff.nodes_removed", { count: diff.nodesRemoved.length })),
      el("p", {}, diff.nodesRemoved.map((r) => t("removed", { name: r[1], id: r[0] })).join(UI.sep)),
      el("h3", {}, t("diff.links_added", { count: diff.linksAdded.length })),
      el("ul", { id: "diff-added" }, diff.linksAdded.map((i) => el("li", { "data-link": m.links[i].key }, linkLine(m, i)))),
      el("h3", {}, t("diff.links_removed", { count: diff.linksRemoved.length })),
      el("ul", { id: "diff-removed" }, diff.linksRemoved.map((r) => el("li", { "data-link": r[0] }, r[1]))),
      el("h3", {}, t("diff.links_changed", { count: diff.linksChanged.length })),
      el("ul", { id: "diff-changed" }, diff.linksChanged.map(([i, fields]) => el("li", { "data-link": m.links[i].key },
        linkLine(m, i), fieldLines(fields)))));
    if (diff.nodesChanged.length) {
      box.append(el("h3", {}, t("diff.nodes_changed", { count: diff.nodesChanged.length })),
        el("ul", {}, diff.nodesChanged.map(([n, fields]) => el("li", {}, nodeRef(m, n), fieldLines(fields)))));
    }
    if (diff.relationsChanged.length) {
      box.append(el("h3", {}, UI["diff.relations_changed"]),
        el("ul", {}, diff.relationsChanged.map((text) => el("li", {}, text))));
    }
  }

  // ----- filters ---------------------------------------------------------------------------

  function showFilters(m) {
    const box = byId("filters");
    box.replaceChildren(el("h2", {}, UI.filters));
    const toggle = (set, key) => () => {
      if (set.has(key)) set.delete(key); else set.add(key);
      showFilters(m);
      update();
    };
    box.append(el("fieldset", {}, el("legend", {}, UI.nations), m.nations.map(([code, caption]) =>
      el("label", {}, el("input", {
        type: "checkbox", "data-nation": code, checked: !state.nations.has(code),
        on: { change: toggle(state.nations, code) },
      }), ` ${caption}`))));
    const used = new Set(m.links.map((link) => link.relation).filter((r) => r !== "member"));
    for (const layer of DATA.layers) {
      const relations = Object.keys(DATA.relations).filter((r) => DATA.relations[r].layer === layer && used.has(r));
      if (!relations.length) continue;
      const shown = relations.filter((r) => !state.relations.has(r));
      const all = el("input", {
        type: "checkbox", "data-layer": layer, checked: shown.length > 0,
        on: { change: () => {
          const hide = shown.length > 0;
          relations.forEach((r) => (hide ? state.relations.add(r) : state.relations.delete(r)));
          showFilters(m);
          update();
        } },
      });
      box.append(el("fieldset", {}, el("legend", {}, el("label", {}, all, ` ${t("layer." + layer)}`)),
        relations.map((r) => el("label", {}, el("input", {
          type: "checkbox", "data-relation": r, checked: !state.relations.has(r),
          on: { change: toggle(state.relations, r) },
        }), ` ${DATA.relations[r].label}`))));
    }
    box.append(el("p", { class: "note" }, UI.members));
  }

  // ----- selection and search ------------------------------------------------------------

  function selectNode(index) {
    state.node = index;
    state.link = null;
    update();
    byId("panel").scrollTop = 0;
  }

  function selectLink(index) {
    state.link = index;
    state.node = null;
    update();
    byId("panel").scrollTop = 0;
  }

  function clearSelection() {
    state.node = null;
    state.link = null;
    byId("search").value = "";
    byId("results").replaceChildren();
    update();
  }

  function search(text) {
    const m = model();
    const query = norm(text.trim());
    const list = byId("results");
    list.replaceChildren();
    if (!query) return;
    const scored = [];
    m.nodes.forEach((node, index) => {
      const fields = [node.id, node.name, node.short || "", ...Object.values(node.names || {})].map(norm);
      let score = 0;
      if (fields.some((f) => f === query)) score = 3;
      else if (fields.some((f) => f.startsWith(query))) score = 2;
      else if (fields.some((f) => f.includes(query))) score = 1;
      if (score) scored.push([score, index]);
    });
    scored.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    scored.slice(0, 15).forEach(([, index], position) => {
      const node = m.nodes[index];
      const other = Object.values(node.names || {}).join(" · ");
      list.append(el("li", {}, el("button", {
        type: "button", "data-node": node.id, class: position === 0 ? "first" : null,
        on: { click: () => pick(index) },
      }, node.name, " ", el("small", {}, `${node.id} · ${node.nation}${other ? " · " + other : ""}`))));
    });
  }

  function pick(index) {
    byId("results").replaceChildren();
    byId("search").blur();
    selectNode(index);
    centreOn(index);
  }

  // ----- pan and zoom ---------------------------------------------------------------------

  function currentView() {
    return state.view || run().fit;
  }

  function setView(view) {
    state.view = view.map((v) => Math.round(v * 10) / 10);
    run().svg.setAttribute("viewBox", state.view.join(" "));
    scheduleHash();
  }

  function toChart(x, y) {
    const matrix = run().svg.getScreenCTM();
    return new DOMPoint(x, y).matrixTransform(matrix.inverse());
  }

  function zoom(factor, x, y) {
    const view = currentView();
    const fit = run().fit;
    const width = Math.min(Math.max(view[2] / factor, fit[2] / 40), fit[2] * 3);
    const scale = view[2] / width;
    const rect = run().svg.getBoundingClientRect();
    const point = toChart(x === undefined ? rect.left + rect.width / 2 : x,
      y === undefined ? rect.top + rect.height / 2 : y);
    setView([point.x - (point.x - view[0]) / scale, point.y - (point.y - view[1]) / scale,
      width, view[3] / scale]);
  }

  function pan(dx, dy) {
    const view = currentView();
    setView([view[0] + dx, view[1] + dy, view[2], view[3]]);
  }

  function centreOn(index) {
    const group = run().nodes.get(index);
    if (!group || group.classList.contains("absent")) return;
    const box = group.getBoundingClientRect();
    const point = toChart(box.left + box.width / 2, box.top + box.height / 2);
    const view = currentView();
    setView([point.x - view[2] / 2, point.y - view[3] / 2, view[2], view[3]]);
  }

  function bindChart() {
    const chart = byId("chart");
    let drag = null;
    let dragged = false;
    chart.addEventListener("wheel", (event) => {
      event.preventDefault();
      const lines = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
      zoom(Math.exp(-event.deltaY * lines * 0.0015), event.clientX, event.clientY);
    }, { passive: false });
    chart.addEventListener("pointerdown", (event) => {
      if (event.button !== 0 || event.target.closest("#zoom")) return;
      drag = { x: event.clientX, y: event.clientY, view: currentView(), scale: run().svg.getScreenCTM().a, id: event.pointerId };
      dragged = false;
    });
    chart.addEventListener("pointermove", (event) => {
      if (!drag || event.pointerId !== drag.id) return;
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!dragged && Math.hypot(dx, dy) < 4) return;
      if (!dragged) {
        dragged = true;
        chart.setPointerCapture(event.pointerId);
        chart.classList.add("dragging");
      }
      const [x, y, w, h] = drag.view;
      setView([x - dx / drag.scale, y - dy / drag.scale, w, h]);
    });
    const end = () => { drag = null; chart.classList.remove("dragging"); };
    chart.addEventListener("pointerup", end);
    chart.addEventListener("pointercancel", end);
    chart.addEventListener("click", (event) => {
      if (dragged) {
        dragged = false;
        return;
      }
      if (event.target.closest("#zoom")) return;
      const node = event.target.closest("g.node[data-index]");
      const edge = event.target.closest("g.edge[data-index]");
      if (node) selectNode(Number(node.dataset.index));
      else if (edge) selectLink(Number(edge.dataset.index));
      else if (state.node !== null || state.link !== null) clearSelection();
    });
    byId("zoom-in").addEventListener("click", () => zoom(1.4));
    byId("zoom-out").addEventListener("click", () => zoom(1 / 1.4));
    byId("zoom-fit").addEventListener("click", () => { state.view = null; update(); });
  }

  // ----- keyboard ---------------------------------------------------------------------------

  const ACTIONS = {
    search: () => byId("search").focus(),
    clear: clearSelection,
    "next-phase": () => stepPhase(1),
    "previous-phase": () => stepPhase(-1),
    "next-layer": () => {
      const layers = DATA.chainLayers;
      state.layer = layers[(layers.indexOf(state.layer) + 1) % layers.length];
      update();
    },
    "next-model": () => switchModel((state.model + 1) % DATA.models.length),
    diff: () => {
      if (model().base === null) return;
      state.diff = !state.diff;
      update();
    },
    "zoom-in": () => zoom(1.4),
    "zoom-out": () => zoom(1 / 1.4),
    fit: () => { state.view = null; update(); },
    centre: () => { if (state.node !== null) centreOn(state.node); },
    pan: (key) => {
      const view = currentView();
      const step = { ArrowLeft: [-0.1, 0], ArrowRight: [0.1, 0], ArrowUp: [0, -0.1], ArrowDown: [0, 0.1] }[key];
      pan(step[0] * view[2], step[1] * view[3]);
    },
  };

  function bindKeys() {
    const keys = new Map();
    for (const [names, action] of DATA.shortcuts) names.forEach((name) => keys.set(name, action));
    document.addEventListener("keydown", (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const typing = event.target.matches("input, select, textarea");
      if (typing && event.key !== "Escape") return;
      const action = keys.get(event.key);
      if (!action) return;
      event.preventDefault();
      if (typing) event.target.blur();
      ACTIONS[action](event.key);
    });
  }

  // ----- the URL keeps the state -------------------------------------------------------------

  let hashTimer = null;
  let written = "";

  function stateHash() {
    const m = model();
    const params = new URLSearchParams();
    params.set("model", m.id);
    params.set("phase", m.situations[state.phase].id);
    if (state.from !== null) params.set("from", m.situations[state.from].id);
    if (state.node !== null) params.set("node", m.nodes[state.node].id);
    if (state.link !== null) params.set("link", m.links[state.link].key);
    params.set("layer", state.layer);
    if (state.diff) params.set("diff", "1");
    if (state.nations.size) params.set("hide", [...state.nations].sort().join(","));
    if (state.relations.size) params.set("off", [...state.relations].sort().join(","));
    if (state.view) params.set("view", state.view.join(","));
    return "#" + params.toString();
  }

  function writeHash() {
    clearTimeout(hashTimer);
    hashTimer = null;
    const hash = stateHash();
    if (hash === written) return;
    written = hash;
    try {
      history.replaceState(null, "", hash);
    } catch (error) {
      location.hash = hash;
    }
  }

  function scheduleHash() {
    if (hashTimer === null) hashTimer = setTimeout(writeHash, 200);
  }

  function readHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    const found = DATA.models.findIndex((m) => m.id === params.get("model"));
    state.model = found >= 0 ? found : 0;
    const m = model();
    const situation = (id) => m.situations.findIndex((s) => s.id === id);
    state.phase = Math.max(0, situation(params.get("phase")));
    const from = situation(params.get("from"));
    state.from = from >= 0 ? from : null;
    const node = m.nodes.findIndex((n) => n.id === params.get("node"));
    state.node = node >= 0 ? node : null;
    const link = m.links.findIndex((l) => l.key === params.get("link"));
    state.link = state.node === null && link >= 0 ? link : null;
    const layer = params.get("layer");
    state.layer = DATA.chainLayers.includes(layer) ? layer : DATA.chainLayers[0];
    state.diff = params.get("diff") === "1" && m.base !== null;
    const list = (key) => (params.get(key) || "").split(",").filter(Boolean);
    state.nations = new Set(list("hide").filter((n) => m.nations.some((x) => x[0] === n)));
    state.relations = new Set(list("off").filter((r) => r in DATA.relations));
    const view = list("view").map(Number);
    state.view = view.length === 4 && view.every(Number.isFinite) && view[2] > 0 && view[3] > 0 ? view : null;
    written = location.hash;
  }

  // ----- models ---------------------------------------------------------------------------

  function switchModel(index) {
    const before = model();
    const phase = before.situations[state.phase].id;
    const node = state.node === null ? null : before.nodes[state.node].id;
    state.model = index;
    const m = model();
    state.phase = Math.max(0, m.situations.findIndex((s) => s.id === phase));
    state.from = null;
    const found = node === null ? -1 : m.nodes.findIndex((n) => n.id === node);
    state.node = found >= 0 ? found : null;
    state.link = null;
    state.diff = state.diff && m.base !== null;
    state.nations = new Set([...state.nations].filter((n) => m.nations.some((x) => x[0] === n)));
    state.view = null;
    showFilters(m);
    update();
  }

  function init() {
    const models = byId("model");
    DATA.models.forEach((m, i) => models.append(el("option", { value: String(i) }, m.name)));
    models.parentElement.hidden = DATA.models.length < 2;
    models.addEventListener("change", () => switchModel(Number(models.value)));
    const layers = byId("layer");
    DATA.chainLayers.forEach((layer) => layers.append(el("option", { value: layer }, t("layer." + layer))));
    layers.addEventListener("change", () => { state.layer = layers.value; update(); });
    const input = byId("search");
    input.addEventListener("input", () => search(input.value));
    input.addEventListener("keydown", (event) => {
      const first = byId("results").querySelector("button");
      if (event.key === "Enter" && first) first.click();
      if (event.key === "ArrowDown" && first) { event.preventDefault(); first.focus(); }
    });
    readHash();
    showFilters(model());
    update();
    bindChart();
    bindKeys();
    window.addEventListener("hashchange", () => {
      if (location.hash === written) return;
      readHash();
      showFilters(model());
      update();
    });
    document.documentElement.dataset.ready = String(Math.round(performance.now()));
  }

  init();
})();
