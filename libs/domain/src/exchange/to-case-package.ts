import { caseUris } from './case-uris.js';
import {
  LEVEL_ITEM_TYPE,
  LEVEL_PATHWAY_ITEM_TYPE,
  type FrameworkAlignment,
  type FrameworkVersionContent,
} from './exchange.types.js';

/** Turns a URI into the UUID CASE wants as `identifier` (the caller hashes: a name-based UUID). */
export type CaseIdentifierOf = (uri: string) => string;

type Json = Record<string, unknown>;

/**
 * A framework version as a 1EdTech CASE 1.1 package: one CFDocument, a CFItem per item, level and
 * level pathway, and CFAssociations (isChildOf for the hierarchy, with the sibling order as
 * sequenceNumber; other types for alignments). Levels are CFItems of CFItemType "Level", their
 * pathways CFItems of type "Level pathway" that are children of the level. What CASE has no field
 * for (whether the wording is confirmed, the level's group, free attributes, the framework's code
 * and status) travels in `extensions.pathways`, so a round trip loses nothing.
 * Deterministic: the same content gives the same JSON (timestamps come from the version's dates).
 */
export function toCasePackage(content: FrameworkVersionContent, identifierOf: CaseIdentifierOf): Json {
  const { framework, version } = content;
  const code = framework.code;
  const label = version.version;
  const changed = `${version.effectiveFrom}T00:00:00+00:00`;
  const docUri = caseUris.document(code, label);
  const link = (title: string, uri: string) => ({ title, identifier: identifierOf(uri), uri });
  const docLink = link(framework.name, docUri);
  const items: Json[] = [];
  const associations: Json[] = [];
  const itemTypes = new Set<string>();

  const addItem = (uri: string, item: Json, type: string) => {
    itemTypes.add(type);
    items.push({
      identifier: identifierOf(uri),
      uri,
      CFDocumentURI: docLink,
      ...item,
      CFItemType: type,
      CFItemTypeURI: link(type, caseUris.itemType(type)),
      language: 'en',
      lastChangeDateTime: changed,
    });
  };
  const addAssociation = (
    type: string,
    origin: { title: string; uri: string },
    destination: { title: string; uri: string },
    sequenceNumber?: number,
  ) => {
    const uri = `${origin.uri}:${type}:${destination.uri}`;
    associations.push({
      identifier: identifierOf(uri),
      uri,
      associationType: type,
      ...(sequenceNumber === undefined ? {} : { sequenceNumber }),
      originNodeURI: link(origin.title, origin.uri),
      destinationNodeURI: link(destination.title, destination.uri),
      CFDocumentURI: docLink,
      lastChangeDateTime: changed,
    });
  };

  const itemUri = (itemCode: string) => caseUris.item(code, label, itemCode);
  const titleOf = new Map(content.items.map((i) => [i.code, i.title]));
  for (const item of content.items) {
    const uri = itemUri(item.code);
    addItem(
      uri,
      {
        fullStatement: item.description || item.title,
        alternativeLabel: item.title,
        humanCodingScheme: item.code,
        listEnumeration: String(item.ordinal),
        extensions: {
          pathways: {
            kind: item.kind,
            title: item.title,
            description: item.description,
            confirmed: item.confirmed,
            attributes: item.attributes,
          },
        },
      },
      item.kind,
    );
    const parent =
      item.parentCode === null
        ? { title: framework.name, uri: docUri }
        : { title: titleOf.get(item.parentCode) ?? item.parentCode, uri: itemUri(item.parentCode) };
    addAssociation('isChildOf', { title: item.title, uri }, parent, item.ordinal);
  }
  for (const item of content.items) {
    for (const a of item.alignments) {
      addAssociation(
        a.type,
        { title: item.title, uri: itemUri(item.code) },
        { title: describeTarget(a), uri: caseUris.item(a.frameworkCode, a.version, a.itemCode) },
      );
    }
  }
  for (const level of content.levels) {
    const uri = caseUris.level(code, label, level.code);
    addItem(
      uri,
      {
        fullStatement: level.description || level.name,
        alternativeLabel: level.name,
        humanCodingScheme: level.code,
        listEnumeration: String(level.ordinal),
        extensions: {
          pathways: {
            name: level.name,
            description: level.description,
            group: level.group,
            confirmed: level.confirmed,
          },
        },
      },
      LEVEL_ITEM_TYPE,
    );
    addAssociation(
      'isChildOf',
      { title: level.name, uri },
      { title: framework.name, uri: docUri },
      level.ordinal,
    );
    level.pathways.forEach((p, index) => {
      const pathwayUri = caseUris.pathway(code, label, level.code, p.code);
      addItem(
        pathwayUri,
        {
          fullStatement: p.description || p.name,
          alternativeLabel: p.name,
          humanCodingScheme: p.code,
          listEnumeration: String(index + 1),
          extensions: { pathways: { name: p.name, description: p.description, confirmed: p.confirmed } },
        },
        LEVEL_PATHWAY_ITEM_TYPE,
      );
      addAssociation('isChildOf', { title: p.name, uri: pathwayUri }, { title: level.name, uri }, index + 1);
    });
  }

  return {
    CFDocument: {
      identifier: identifierOf(docUri),
      uri: docUri,
      creator: framework.owner,
      title: framework.name,
      description: framework.description,
      lastChangeDateTime: changed,
      language: 'en',
      version: label,
      adoptionStatus: version.status === 'CURRENT' ? 'Adopted' : 'Deprecated',
      statusStartDate: version.effectiveFrom,
      ...(version.effectiveTo ? { statusEndDate: version.effectiveTo } : {}),
      ...(version.notes ? { notes: version.notes } : {}),
      CFPackageURI: docLink,
      extensions: {
        pathways: {
          frameworkCode: code,
          owner: framework.owner,
          description: framework.description,
          status: version.status,
          effectiveFrom: version.effectiveFrom,
          effectiveTo: version.effectiveTo,
          notes: version.notes,
        },
      },
    },
    CFItems: items,
    CFAssociations: associations,
    CFDefinitions: {
      CFItemTypes: [...itemTypes].map((type) => ({
        identifier: identifierOf(caseUris.itemType(type)),
        uri: caseUris.itemType(type),
        title: type,
        description:
          type === LEVEL_ITEM_TYPE
            ? 'A level of the framework (ordinal in listEnumeration)'
            : type === LEVEL_PATHWAY_ITEM_TYPE
              ? 'A parallel pathway within a level'
              : `Framework item of kind ${type}`,
        hierarchyCode: type,
        lastChangeDateTime: changed,
      })),
    },
  };
}

const describeTarget = (a: FrameworkAlignment) => `${a.frameworkCode} ${a.version} ${a.itemCode}`;
