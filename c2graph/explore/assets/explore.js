/* c2graph explorer: walks the embedded models phase by phase.
 *
 * Every answer shown (chains, single points of failure, switches, counterparts, diffs) was
 * computed by c2graph and embedded as data; this script only looks them up and shows them.
 * Model texts are data: they are set as text nodes and attribute values, never parsed as
 * markup, and only http(s) URLs become links.
 */
(() => {
  "use strict";

  const DATA = JSON.parse(document.getElementById("c2-data").textContent);
  const WEB = /^https?:\/\//i;
  const byId = (id) => document.getElementById(id);
  const norm = (text) => String(text).normalize("NFKC").toLowerCase();
  const runs = [];
  const state = {
    model: 0, phase: 0, from: null, node: null, link: null,
    layer: DATA.chainLayers[0], diff: false,
    nations: new Set(), relations: new Set(), view: null,
  };

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
  const label = (node) => node.short || node.name;
  const relationLabel = (rel) => DATA.relations[rel].label;
  const situationName = (m, index) => m.situations[index].name;
  const nationName = (m, code) => (m.nations.find((n) => n[0] === code) || [code, code])[1];

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
        return new Intl.DateTimeFormat("en-GB", {
          timeZone: clock.tz, weekday: "short", hour: "2-digit", minute: "2-digit",
          timeZoneName: "short",
        }).format(now);
      } catch (error) { /* a zone this browser does not know: use the offset */ }
    }
    if (typeof clock.utcOffset !== "number") return null;
    const there = new Date(now.getTime() + clock.utcOffset * 3600e3);
    const pad = (n) => String(n).padStart(2, "0");
    const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][there.getUTCDay()];
    const sign = clock.utcOffset >= 0 ? "+" : "";
    return `${day} ${pad(there.getUTCHours())}:${pad(there.getUTCMinutes())} (UTC${sign}${clock.utcOffset})`;
  }

  function showDetails(m, chains) {
    const box = byId("details");
    box.replaceChildren();
    if (state.node !== null) nodeDetails(box, m, state.node, chains);
    else if (state.link !== null) linkDetails(box, m, state.link);
    else {
      box.append(el("h2", {}, "Explore"), el("p", { class: "note" },
        "Click a node for its chains of command up and down, its superiors, subordinates, " +
        "counterparts and single points of failure; click a link for its meaning, phases, " +
        "legal basis and source. Pick a phase or scenario above: the links that activate " +
        "or lapse since the phase before are marked."), highlightKey());
    }
  }

  function highlightKey() {
    const rows = [["sw-up", "chain of command up to the selected node"],
      ["sw-down", "chains down from the selected node"], ["sw-on", "link activated"],
      ["sw-off", "link lapsed (no longer holds)"], ["sw-added", "added in the variant"],
      ["sw-changed", "changed in the variant"]];
    return el("ul", { class: "key" }, rows.map(([swatch, text]) =>
      el("li", {}, el("span", { class: "swatch " + swatch }), text)));
  }

  function nodeDetails(box, m, index, chains) {
    const node = m.nodes[index];
    const clock = m.clocks[index];
    const location = node.location ? m.locations[node.location] : null;
    const others = Object.entries(node.names || {}).map(([lang, text], i) =>
      [i ? " · " : "", `${lang}: `, el("span", { lang }, text)]);
    box.append(el("h2", { id: "selected-name" }, node.name));
    if (others.length) box.append(el("p", {}, others));
    box.append(definitions([
      ["id", node.id], ["kind", `${node.kind.replace(/-/g, " ")} · ${nationName(m, node.nation)}`],
      ["location", location ? location.name : node.location], ["local time now", localTime(clock)],
    ]));
    const record = definitions([
      ["short", node.short], ["echelon", node.echelon], ["clock", clock.text],
      ["source", sourceText(m, node.source)], ["confidence", node.confidence], ["note", node.note],
    ]);
    if (!present(m, index)) {
      box.append(el("p", { class: "warn" }, `Not part of the structure in ${situationName(m, state.phase)}.`),
        el("h3", {}, "Record"), record);
      return;
    }
    const where = `${state.layer} layer, ${situationName(m, state.phase)}`;
    box.append(el("h3", {}, `Chains of command to it (${where})`));
    const up = chains ? chains.up : [];
    box.append(up.length ? el("ul", { id: "chains-up" }, up.map((path) => el("li", {},
      path[0].flatMap((n, i) => (i ? [" → ", nodeRef(m, n)] : [nodeRef(m, n)])),
      ` — effective: ${path[2]}`,
      path[3] && path[3] !== "national" ? `; ${path[3]} chain` : "",
      path[4].length ? [", rests on the consent of ", path[4].flatMap((n, i) => (i ? [", ", nodeRef(m, n)] : [nodeRef(m, n)]))] : "")))
      : el("p", { class: "note" }, "None in this layer."));
    if (chains && chains.warning) box.append(el("p", { class: "warn" }, chains.warning));
    linkList(box, m, "Superiors", chains ? chains.superiors : []);
    linkList(box, m, "Subordinates", chains ? chains.subordinates : []);
    const below = chains ? chains.down[0].filter((n) => n !== index) : [];
    box.append(el("h3", {}, `Reaches down its chains (${below.length})`),
      below.length ? el("p", { id: "chains-down" }, below.flatMap((n, i) => (i ? [", ", nodeRef(m, n)] : [nodeRef(m, n)])))
        : el("p", { class: "note" }, "Nothing below it in this layer."));
    spofList(box, m, chains);
    counterpartList(box, m, index);
    box.append(el("h3", {}, "Record"), record);
  }

  function linkList(box, m, title, indices) {
    box.append(el("h3", {}, title), indices.length
      ? el("ul", {}, indices.map((i) => el("li", {}, linkLine(m, i))))
      : el("p", { class: "note" }, "None in this layer."));
  }

  function spofList(box, m, chains) {
    const table = m.chains[state.layer][state.phase].spof;
    const mine = chains ? chains.spof : [];
    box.append(el("h3", {}, "Single points of failure on its chains"));
    if (!mine.length) {
      box.append(el("p", { class: "note" }, "None."));
      return;
    }
    box.append(el("ul", { id: "spof" }, mine.map((i) => {
      const [node, family, units] = table[i];
      return el("li", {}, nodeRef(m, node), ` (${family} chains): every chain to `,
        units.flatMap((n, k) => (k ? [", ", nodeRef(m, n)] : [nodeRef(m, n)])), " passes through it");
    })));
  }

  function counterpartList(box, m, index) {
    const rows = m.counterparts[state.phase].filter((row) => row[0] === index);
    box.append(el("h3", {}, "Counterparts"));
    if (!rows.length) {
      box.append(el("p", { class: "note" }, "None in this phase."));
      return;
    }
    box.append(el("ul", {}, rows.map(([, other, link, authority, forces, offset, shared]) =>
      el("li", {}, nodeRef(m, other), " ", linkRef(m, link, "(link)"),
        authority === "none" ? ": holds no operational authority over forces"
          : `: holds ${authority} over ${forces.length} force${forces.length === 1 ? "" : "s"}`,
        el("br"), `clock: ${offset}`, el("br"), `shared office hours: ${shared}`))));
  }

  function linkDetails(box, m, index) {
    const link = m.links[index];
    const relation = DATA.relations[link.relation];
    box.append(el("h2", { id: "selected-name" }, `${m.nodes[link.from].name} → ${m.nodes[link.to].name}`),
      el("p", {}, el("strong", {}, relation.label), ` (${relation.layer} layer): ${relation.meaning}`),
      el("p", { class: "note" }, `Doctrine: ${relation.doctrine}`));
    const phases = link.in.map((i) => situationName(m, i) + (i === state.phase ? " (shown)" : ""));
    box.append(definitions([
      ["from", nodeRef(m, link.from)], ["to", nodeRef(m, link.to)], ["key", link.key],
      ["holds in", phases.join(", ") || "no situation"],
      ["in this phase", linkHolds(m, index) ? "holds" : "does not hold"],
      ["requires", link.requires], ["legal basis", link.basis],
      ["source", sourceText(m, link.source)], ["confidence", link.confidence],
      ["as of", link.asOf], ["note", link.note],
    ]));
  }

  // ----- the side panel: phase change and diff -------------------------------------------

  function showChange(m, change) {
    const box = byId("change");
    box.replaceChildren(el("h2", {}, "Phase change"));
    const select = el("select", { id: "from", on: { change: (event) => {
      state.from = event.target.value === "" ? null : Number(event.target.value);
      update();
    } } }, el("option", { value: "" }, "(none)"), m.situations.map((s, i) =>
      el("option", { value: String(i), selected: i === state.from }, s.name)));
    box.append(el("label", {}, "Changes from ", select, ` to ${situationName(m, state.phase)}`));
    if (!change) {
      box.append(el("p", { class: "note" }, "Pick another phase or scenario to see what changes."));
      return;
    }
    decisionList(box, m, "Decisions the law requires, in order", change.required, "decisions-required");
    decisionList(box, m, "Discretionary decisions", change.discretionary, "decisions-discretionary");
    changeList(box, m, `Links activated (${change.activated.length})`, change.activated, "activated");
    changeList(box, m, `Links lapsed (${change.lapsed.length})`, change.lapsed, "lapsed");
    if (change.rebased.length) {
      changeList(box, m, `Links on another legal basis (${change.rebased.length})`, change.rebased, "rebased");
    }
    const nodes = [["Nodes activated", change.nodesOn], ["Nodes deactivated", change.nodesOff]];
    for (const [title, list] of nodes) {
      if (list.length) box.append(el("h3", {}, title), el("p", {}, list.flatMap((n, i) => (i ? [", ", nodeRef(m, n)] : [nodeRef(m, n)]))));
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
        ` — ${d.kind.replace(/-/g, " ")} by ${d.deciders.map(name).join(", ")}`,
        d.prerequisites ? `; after: ${d.prerequisites}` : "",
        d.approvals.map((a) => [el("br"), `approval by ${name(a.by)}: ${a.meaning}`]),
        d.duration ? [el("br"), `takes ${d.duration}`] : "",
        d.basis ? [el("br"), `basis: ${d.basis}`] : "");
    })));
  }

  function changeList(box, m, title, indices, id) {
    box.append(el("h3", {}, title), indices.length
      ? el("ul", { id }, indices.map((i) => el("li", { "data-link": m.links[i].key }, linkLine(m, i),
        ` [${DATA.relations[m.links[i].relation].layer}]`)))
      : el("p", { class: "note" }, "None."));
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
    box.append(el("h2", {}, "Variant"), el("label", {}, el("input", {
      type: "checkbox", id: "diff-toggle", checked: state.diff,
      on: { change: () => { state.diff = !state.diff; update(); } },
    }), ` show the diff against ${base.name}`));
    if (!diff) return;
    const nodes = (list) => list.flatMap((n, i) => (i ? [", ", nodeRef(m, n)] : [nodeRef(m, n)]));
    box.append(
      el("h3", {}, `Nodes added (${diff.nodesAdded.length})`), el("p", {}, nodes(diff.nodesAdded)),
      el("h3", {}, `Nodes removed (${diff.nodesRemoved.length})`),
      el("p", {}, diff.nodesRemoved.map((r) => `${r[1]} (${r[0]})`).join(", ")),
      el("h3", {}, `Links added (${diff.linksAdded.length})`),
      el("ul", { id: "diff-added" }, diff.linksAdded.map((i) => el("li", { "data-link": m.links[i].key }, linkLine(m, i)))),
      el("h3", {}, `Links removed (${diff.linksRemoved.length})`),
      el("ul", { id: "diff-removed" }, diff.linksRemoved.map((r) => el("li", { "data-link": r[0] }, r[1]))),
      el("h3", {}, `Links changed (${diff.linksChanged.length})`),
      el("ul", { id: "diff-changed" }, diff.linksChanged.map(([i, fields]) => el("li", { "data-link": m.links[i].key },
        linkLine(m, i), fields.map(([field, before, after]) => [el("br"), `${field}: ${before} → ${after}`])))));
    if (diff.nodesChanged.length) {
      box.append(el("h3", {}, `Nodes changed (${diff.nodesChanged.length})`),
        el("ul", {}, diff.nodesChanged.map(([n, fields]) => el("li", {}, nodeRef(m, n),
          fields.map(([field, before, after]) => [el("br"), `${field}: ${before} → ${after}`])))));
    }
    if (diff.relationsChanged.length) {
      box.append(el("h3", {}, "Relations changed"), el("ul", {}, diff.relationsChanged.map((t) => el("li", {}, t))));
    }
  }

  // ----- filters ---------------------------------------------------------------------------

  function showFilters(m) {
    const box = byId("filters");
    box.replaceChildren(el("h2", {}, "Filters"));
    const toggle = (set, key) => () => {
      if (set.has(key)) set.delete(key); else set.add(key);
      showFilters(m);
      update();
    };
    box.append(el("fieldset", {}, el("legend", {}, "Nations"), m.nations.map(([code, caption]) =>
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
      box.append(el("fieldset", {}, el("legend", {}, el("label", {}, all, ` ${layer}`)),
        relations.map((r) => el("label", {}, el("input", {
          type: "checkbox", "data-relation": r, checked: !state.relations.has(r),
          on: { change: toggle(state.relations, r) },
        }), ` ${DATA.relations[r].label}`))));
    }
    box.append(el("p", { class: "note" }, "Member links are listed inside the bodies, not drawn as lines."));
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
    DATA.chainLayers.forEach((layer) => layers.append(el("option", { value: layer }, layer)));
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
