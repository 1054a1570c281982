import Foundation

func load(_ data: Data) throws -> Report? {
    // ruleid: swift-insecure-unarchive
    let a = NSKeyedUnarchiver.unarchiveObject(with: data) as? Report
    let unarchiver = try NSKeyedUnarchiver(forReadingFrom: data)
    // ruleid: swift-insecure-unarchive
    unarchiver.requiresSecureCoding = false
    // ok: swift-insecure-unarchive
    let b = try NSKeyedUnarchiver.unarchivedObject(ofClass: Report.self, from: data)
    // ok: swift-insecure-unarchive
    unarchiver.requiresSecureCoding = true
    return a ?? b
}
