/**
 * The table-building half of scripts/derive-catalogue.mjs: pure functions from parsed CSV rows and
 * Demarc's rules (scripts/catalogue-rules.json) to the catalogue objects. No I/O here.
 */
const MODEL_OF = { IaaS: 'iaas', PaaS: 'paas', SaaS: 'saas' };
const LABEL = { onprem: 'On-premises', iaas: 'IaaS', paas: 'PaaS', saas: 'SaaS' };
// The toolkit's own rule: "if multiple service models apply, select the one with the highest requirements".
const CUSTOMER_EFFORT = ['onprem', 'iaas', 'paas', 'saas'];

/** Stops the derivation with a message naming the offending rule or row. */
export function fail(message) {
  throw new Error(`derive-catalogue: ${message}`);
}

function listPhrase(items) {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** JSON with every object's keys sorted, so the bytes depend only on the content. */
export function stableJson(value) {
  const sort = (v) =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort(v[k])])
          )
        : v;
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

/** FinOps Services.csv → one entry per lower-case type; several rows per type merge their services. */
export function finopsTypes(rows) {
  const merged = new Map();
  for (const row of rows) {
    const type = row.ResourceType.toLowerCase();
    const model =
      MODEL_OF[row.ServiceModel] ?? fail(`unknown ServiceModel "${row.ServiceModel}" for ${type}`);
    const m = merged.get(type) ?? { models: new Map(), categories: new Map() };
    m.models.set(model, (m.models.get(model) ?? new Set()).add(row.ServiceName));
    m.categories.set(row.ServiceCategory, (m.categories.get(row.ServiceCategory) ?? 0) + 1);
    merged.set(type, m);
  }
  const types = {};
  for (const [type, m] of merged) {
    const models = CUSTOMER_EFFORT.filter((model) => m.models.has(model));
    const services = [...new Set([...m.models.values()].flatMap((s) => [...s]))].sort();
    // Most frequent category wins (App Service rows outnumber Functions for microsoft.web/sites).
    const category = [...m.categories].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    const entry = { serviceModel: models[0], services, category, source: 'finops' };
    if (models.length > 1) {
      const per = models.map((model) => `${LABEL[model]} for ${listPhrase([...m.models.get(model)].sort())}`);
      entry.needsReview = true;
      entry.reason =
        `The Microsoft FinOps toolkit lists ${type} under several service models (${per.join('; ')}); ` +
        `Demarc keeps ${LABEL[models[0]]}, the one with the most customer effort, as the toolkit's own rule says.`;
    }
    types[type] = entry;
  }
  return types;
}

/** Flags the known-ambiguous types (and, with includeChildren, their listed children); may override the model. */
export function applyAmbiguous(types, rules) {
  for (const rule of rules) {
    const direct = rule.types.map((t) => t.toLowerCase());
    const children = rule.includeChildren
      ? Object.keys(types).filter((t) => direct.some((p) => t.startsWith(`${p}/`)))
      : [];
    for (const type of [...direct, ...children]) {
      const entry =
        types[type] ?? fail(`ambiguous rule names ${type}, which FinOps does not list (use additions)`);
      const label = `${listPhrase(entry.services)} (${type})`;
      if (rule.serviceModel && rule.serviceModel !== entry.serviceModel) {
        entry.finopsServiceModel = entry.serviceModel;
        entry.serviceModel = rule.serviceModel;
        entry.source = 'demarc';
        entry.reason =
          `Demarc classifies ${label} as ${LABEL[rule.serviceModel]} where the Microsoft FinOps toolkit ` +
          `lists ${LABEL[entry.finopsServiceModel]}: ${rule.reason}`;
      } else {
        entry.reason = `Microsoft FinOps toolkit lists ${label} as ${LABEL[entry.serviceModel]}, but sources disagree: ${rule.reason}`;
      }
      entry.needsReview = true;
    }
  }
}

/** Adds types the toolkit lacks; each must be a real Azure type (knownTypes) and is always flagged. */
export function applyAdditions(types, rules, knownTypes, displayOf) {
  for (const rule of rules) {
    if (!LABEL[rule.serviceModel] || !rule.services?.length || !rule.category)
      fail(`incomplete addition ${rule.types}`);
    for (const raw of rule.types) {
      const type = raw.toLowerCase();
      if (types[type]) fail(`addition ${type} is already catalogued (use ambiguous to flag or override it)`);
      // Typo guard: a rule must name a type Azure actually has.
      if (!knownTypes.has(type)) fail(`addition ${type} is not a known Azure resource type`);
      const shown = displayOf.get(type);
      // The portal's generated fallback ("Microsoft.DevTestLab schedule") says nothing the type does not.
      const name = shown && !shown.toLowerCase().startsWith(`${type.split('/')[0]} `) ? shown : null;
      types[type] = {
        serviceModel: rule.serviceModel,
        services: [...rule.services].sort(),
        category: rule.category,
        source: 'demarc',
        needsReview: true,
        reason:
          `${name ? `${name} (${type})` : `The type ${type}`} is not listed by the Microsoft FinOps toolkit; Demarc classifies it ` +
          `as ${LABEL[rule.serviceModel]} (${listPhrase(rule.services)}): ${rule.reason}`
      };
    }
  }
}

/** Kind refinements per catalogued type, in rule order (the first matching token wins at runtime). */
export function kindRules(types, groups) {
  const kinds = {};
  for (const group of groups) {
    for (const type of group.types) {
      if (!types[type]) fail(`kind rules name ${type}, which is not catalogued`);
      kinds[type] = group.rules.map((r) => ({ ...r, token: r.token.toLowerCase() }));
    }
  }
  return kinds;
}

function normaliseName(name) {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Portal display name → type. A name several types share goes, in order, to: a type whose portal
 * (non-lower-case) name it is, a catalogued type, a non-preview type, the shallowest type, then the first
 * alphabetically. Every such collision is recorded.
 */
export function displayNames(rows, types, additions) {
  const candidates = new Map();
  let omitted = 0;
  for (const row of rows) {
    const type = row.ResourceType.toLowerCase();
    const generatedPrefix = `${type.split('/')[0]} `;
    const fields = [
      [row.SingularDisplayName, true],
      [row.PluralDisplayName, true],
      [row.LowerSingularDisplayName, false],
      [row.LowerPluralDisplayName, false]
    ];
    for (const [value, portal] of fields) {
      const name = normaliseName(value ?? '');
      if (!name) continue;
      // "Microsoft.Resources mobo broker" is the portal's generated fallback; kept only for catalogued types,
      // since other types would classify as unknown anyway and these names are half the file.
      if (name.startsWith(generatedPrefix) && !types[type]) {
        omitted += 1;
        continue;
      }
      const byType = candidates.get(name) ?? new Map();
      const seen = byType.get(type);
      byType.set(type, { portal: portal || (seen?.portal ?? false), preview: row.IsPreview === 'true' });
      candidates.set(name, byType);
    }
  }
  const rank = (type, c) => [
    c.portal ? 0 : 1,
    types[type] ? 0 : 1,
    c.preview ? 1 : 0,
    type.split('/').length
  ];
  const compare = ([ta, ca], [tb, cb]) => {
    const a = rank(ta, ca);
    const b = rank(tb, cb);
    for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i] - b[i];
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  };
  const names = {};
  const collisions = {};
  for (const [name, byType] of candidates) {
    const ordered = [...byType].sort(compare);
    names[name] = ordered[0][0];
    if (ordered.length > 1)
      collisions[name] = { chosen: ordered[0][0], candidates: [...byType.keys()].sort() };
  }
  const kinds = {};
  const added = {};
  for (const a of additions) {
    const name = normaliseName(a.name);
    if (names[name]) fail(`display name "${name}" is already in ResourceTypes.csv`);
    if (!types[a.type]) fail(`display name "${name}" maps to ${a.type}, which is not catalogued`);
    names[name] = a.type;
    if (a.kind) kinds[name] = a.kind;
    added[name] = a.reason;
  }
  return { names, kinds, collisions, added, omittedGeneratedNames: omitted };
}
