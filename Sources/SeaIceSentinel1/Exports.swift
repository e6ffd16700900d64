// The sensor-neutral SAR pieces (scene, writers, configuration, channel processing, XML, zip) moved to SeaIceSAR;
// re-exported so that code importing SeaIceSentinel1 keeps seeing them.
@_exported import SeaIceSAR
