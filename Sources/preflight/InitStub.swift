// STUB for the config helper's `ProjectConfig.commentedTemplate`: the lead deletes this file at merge.
enum ProjectConfig {
    static let commentedTemplate = """
        # Preflight settings. Command-line flags override this file; this file overrides the defaults.
        # Every key is optional; uncomment one to change it.

        # [paths]
        # content = "content/checklists"
        # runs = "content/runs"
        # output = "_site"

        """
}
