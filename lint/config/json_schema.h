// JSON Schemas (draft 2020-12) for digestlint's own TOML files: a schema
// file and .digestlint.toml. Editors that check TOML through JSON Schema
// (Taplo, Even Better TOML) complete and validate them with these. The
// rule tables come from the registry, so every rule, its name and its
// typed options are there; schemas/json/ ships the output, and a test
// fails when it drifts from what this prints.
#pragma once

#include <nlohmann/json.hpp>

namespace digestlint {

nlohmann::ordered_json schema_file_json_schema();
nlohmann::ordered_json config_file_json_schema();

}  // namespace digestlint
