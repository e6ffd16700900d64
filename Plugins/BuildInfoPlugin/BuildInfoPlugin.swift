import Foundation
import PackagePlugin

/// Writes `GeneratedBuildCommit.swift` (the git commit the package is built from) before every
/// build, through `scripts/build-commit.sh`; the file is rewritten only when the commit changes, and
/// says "unknown" outside a git checkout (a source tarball) or without git.
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        let script = context.package.directoryURL.appending(path: "scripts/build-commit.sh")
        return [
            .prebuildCommand(
                displayName: "Recording the git commit of \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [script.path, context.package.directoryURL.path,
                            output.appending(path: "GeneratedBuildCommit.swift").path],
                outputFilesDirectory: output)
        ]
    }
}
