// The markup of <zhaiyao-summary>'s shadow root as <template>s, built once and cloned.
//
// The card, a summary item, a meter row, a signal chip.
//
// The templates are built from the trees below with createElement, not parsed from an HTML
// string: no HTML parser runs (a page that enforces Trusted Types allows it), and nothing of an
// article ever goes into them. `ref` names a node for the view (see `stamp`); it is not kept.

/** [tag, attributes, ...children]; a child is a node tree or a text. `class` and `ref` as named. */
const CARD = ["section", { class: "card", part: "card" },
  ["h2", { class: "visually-hidden", ref: "title" }],
  ["header", {},
    ["div", { class: "brand" },
      ["span", { class: "logo", "aria-hidden": "true" }, "摘"],
      ["span", { ref: "titleText" }],
      ["span", { class: "lang-badge", hidden: "", ref: "langBadge" }],
    ],
    ["div", { class: "stats", part: "stats", ref: "stats" }],
  ],
  ["div", { class: "status", role: "status", "aria-live": "polite", ref: "status" }],
  ["div", { class: "skeleton", "aria-hidden": "true", ref: "skeleton" }, ["span", {}], ["span", {}], ["span", {}], ["span", {}]],
  ["div", { class: "body", hidden: "", ref: "body" },
    ["div", { class: "controls", ref: "controls" },
      ["label", { for: "length", ref: "sliderLabel" }],
      ["input", { type: "range", id: "length", min: "1", step: "1", ref: "slider" }],
      ["output", { for: "length", ref: "output" }],
    ],
    ["h3", { class: "section-title", id: "summary-title", ref: "summaryTitle" }],
    ["ol", { class: "summary", part: "summary", "aria-live": "polite", "aria-labelledby": "summary-title", ref: "list" }],
    ["p", { class: "none", "aria-live": "polite", hidden: "", ref: "none" }],
    ["div", { class: "keywords", ref: "keywords" },
      ["h3", { class: "section-title", id: "keywords-title", ref: "keywordsTitle" }],
      ["div", { class: "cloud", role: "group", "aria-labelledby": "keywords-title", part: "cloud", ref: "cloud" }],
      ["p", { class: "hint", "aria-live": "polite", ref: "hint" }],
    ],
  ],
  // With no `for`, the element's own content is the article: shown folded under the card.
  ["details", { class: "source", ref: "source" },
    ["summary", { ref: "sourceLabel" }],
    ["slot", {}],
  ],
];

/** A sentence of the summary, with its "why" toggle and panel (score row, rank, signals, terms). */
const ITEM = ["li", {},
  ["p", { class: "sentence-text", dir: "auto", ref: "text" }],
  ["button", { class: "why-toggle", type: "button", "aria-expanded": "false", ref: "toggle" }],
  ["div", { class: "why", hidden: "", role: "group", ref: "panel" },
    ["p", { class: "rank", ref: "rank" }],
    ["div", { class: "terms", ref: "terms" }],
  ],
];

/** A labelled bar: a term's or the score's share. */
const METER_ROW = ["div", { class: "meter-row" },
  ["span", { class: "label", ref: "label" }],
  ["span", { class: "bar", "aria-hidden": "true" }, ["span", { ref: "fill" }]],
  ["span", { class: "value", ref: "value" }],
];

/** The score factors that changed a sentence's score, as chips. */
const SIGNALS = ["div", { class: "signals" },
  ["span", { class: "signals-label", ref: "caption" }],
  ["ul", { ref: "list" }],
];

/** One score factor: name, factor, arrow, and "boost"/"penalty" for screen readers. */
const SIGNAL = ["li", { class: "signal" },
  ["span", { class: "name", ref: "name" }],
  ["span", { class: "factor", ref: "factor" }],
  ["span", { class: "arrow", "aria-hidden": "true", ref: "arrow" }],
  ["span", { class: "visually-hidden", ref: "spoken" }],
];

function build(doc, [tag, attributes, ...children]) {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name === "ref" ? "data-ref" : name, value);
  }
  for (const child of children) node.append(typeof child === "string" ? child : build(doc, child));
  return node;
}

const templates = new Map();

function template(tree) {
  let t = templates.get(tree);
  if (!t) {
    t = document.createElement("template");
    t.content.append(build(document, tree));
    templates.set(tree, t);
  }
  return t;
}

/**
 * A copy of a template: `{ node, refs }`, the tree's root and its nodes by `ref` name (the
 * `data-ref` attributes are removed, so the shadow DOM holds only the markup above).
 */
function stamp(tree) {
  const node = template(tree).content.firstElementChild.cloneNode(true);
  const refs = {};
  for (const n of [node, ...node.querySelectorAll("[data-ref]")]) {
    if (!n.hasAttribute("data-ref")) continue;
    refs[n.getAttribute("data-ref")] = n;
    n.removeAttribute("data-ref");
  }
  return { node, refs };
}

export const stampCard = () => stamp(CARD);
export const stampItem = () => stamp(ITEM);
export const stampMeterRow = () => stamp(METER_ROW);
export const stampSignals = () => stamp(SIGNALS);
export const stampSignal = () => stamp(SIGNAL);
