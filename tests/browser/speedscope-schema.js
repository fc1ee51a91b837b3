// speedscope-schema.js FILE: checks FILE against the JSON schema speedscope
// publishes in its npm package; prints "valid", or the errors.
'use strict';
const fs = require('fs');
const Ajv = require('ajv');
const schema = require('speedscope/dist/release/file-format-schema.json');

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const data = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
if (validate(data)) {
	console.log('valid');
} else {
	console.log(JSON.stringify(validate.errors, null, 1));
	process.exitCode = 1;
}
