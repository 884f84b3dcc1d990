import StandoffTEI
import StandoffValidation

/// The reader finds facts (``TEIProblem/Fact``); the validation rule claiming each fact's code
/// words it. These tests assert what users read, so they read the words through the catalogue
/// exactly as `validate` and the editing commands do.
extension TEIProblem {
    var message: String { RuleCatalogue.diagnostic(for: self).message }
    var hint: String { RuleCatalogue.diagnostic(for: self).hint }
}
