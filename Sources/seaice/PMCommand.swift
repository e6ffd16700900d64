import ArgumentParser

/// `seaice pm`: passive-microwave sea-ice concentration (seed 003).
struct PMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pm",
        abstract: "Passive-microwave (AMSR2) sea-ice concentration: daily gridded products.",
        subcommands: [PMConcentrationCommand.self]
    )
}
