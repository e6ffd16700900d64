import Foundation

/// Runs a child process to the end and returns its exit status and its standard output and error
/// together (read before waiting, so a chatty child cannot fill the pipe and block).
public enum ChildProcess {
    /// Runs `executable` with `arguments`; `environment` replaces the tests' own when given.
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws
        -> (status: Int32, output: String)
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
