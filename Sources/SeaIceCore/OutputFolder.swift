import Foundation

/// The folder a command writes its outputs into (`--out`), checked before any work starts.
public enum OutputFolder {
    /// Creates `url` (with its parents) or accepts an existing folder, then removes the temporaries that
    /// killed runs left in it (`AtomicOutput.sweepStale`).
    /// - Parameter option: how the user named the folder (`--out`), for the message.
    /// - Returns: the stale temporaries removed.
    /// - Throws: `SeaIceError.invalidInput` naming the path when it is an existing file, `SeaIceError.io`
    ///   naming it (with the system's reason) when it cannot be created.
    @discardableResult
    public static func prepare(_ url: URL, option: String) throws -> [URL] {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw SeaIceError.invalidInput(
                    file: url.path, item: option,
                    expected: "a folder for the outputs, but this is an existing file")
            }
        } else {
            do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
                throw SeaIceError.io(
                    file: url.path, message: "cannot create the folder for \(option): \(reason(error))")
            }
        }
        return AtomicOutput.sweepStale(in: url)
    }

    /// Checks that `url` is a folder or does not exist yet (a run folder created later), without creating it.
    /// - Throws: `SeaIceError.invalidInput` naming the path when it is an existing file.
    public static func requireFolderOrAbsent(_ url: URL, option: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw SeaIceError.invalidInput(
                file: url.path, item: option,
                expected: "a folder for the outputs, but this is an existing file")
        }
    }

    /// The POSIX reason under a Foundation file error ("Permission denied"), else its description.
    public static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or folder"
            case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
            case NSFileWriteFileExistsError: return "a file of that name exists"
            default: break
            }
        }
        return ns.localizedDescription
    }
}

/// A private working folder in the system temporary directory, named like an `AtomicOutput` temporary
/// (`.seaice-PURPOSE.PID.N.tmp`) and registered with `InterruptCleanup` while it exists, so an interrupted
/// run removes it and a killed run's folder is swept by the next one (`sweepStale`).
public enum TemporaryFolder {
    /// Creates a new folder for `purpose` (e.g. `predict`).
    public static func make(_ purpose: String) throws -> URL {
        let url = AtomicOutput.temporaryPath(
            for: FileManager.default.temporaryDirectory.appendingPathComponent("seaice-\(purpose)"))
        InterruptCleanup.register(url)
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            InterruptCleanup.unregister(url)
            throw SeaIceError.io(
                file: url.path, message: "cannot create a temporary folder: \(OutputFolder.reason(error))")
        }
        return url
    }

    /// Removes a folder made by `make` with its contents.
    public static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
        InterruptCleanup.unregister(url)
    }

    /// Removes this tool's temporary folders of processes that no longer exist.
    /// - Returns: the folders removed.
    @discardableResult
    public static func sweepStale() -> [URL] {
        let dir = FileManager.default.temporaryDirectory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasPrefix(".seaice-") }.sorted().compactMap { name in
            guard let pid = AtomicOutput.writerPID(ofTemporary: name), pid != getpid(), kill(pid, 0) != 0,
                errno == ESRCH
            else { return nil }
            let url = dir.appendingPathComponent(name)
            return (try? FileManager.default.removeItem(at: url)) != nil ? url : nil
        }
    }
}
