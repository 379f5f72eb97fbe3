@testable import AsahCore
import Foundation
import GRDB
import Synchronization
import Testing

extension Workshops {
    @Suite("Enrolment under concurrency")
    struct EnrolmentConcurrencyTests {
        /// Runs `work(0..<count)` on `threads` plain threads at once and waits for all of them.
        private func parallel(_ count: Int, threads: Int = 16, _ work: @escaping @Sendable (Int) -> Void) {
            let group = DispatchGroup()
            for thread in 0..<threads {
                group.enter()
                Thread {
                    for index in stride(from: thread, to: count, by: threads) { work(index) }
                    group.leave()
                }.start()
            }
            group.wait()
        }

        @Test("300 people asking twice and approved at once through two connection pools: exactly 5 seats, one place each, the rest waitlisted in approval order")
        func capacityInvariant() throws {
            try WorkshopFixtures.withWorld { world in
                let course = try world.course("KONK-01")
                let now = Clock.now()
                let run = try world.openRun(world.plan(course: course, code: "KONK-01", capacity: 5, firstSession: IndonesianTime.clock(9, daysAfter: 30, from: now)))
                let runId = run.id!
                let staff = try world.staff(300)
                #expect(staff.count == 300)
                let requesters = try staff.map { try world.principal($0.id!) }
                let supervisors = try staff.map { try world.principal($0.supervisorId!) }
                // A second pool on the same file: writers contend at the SQLite level, not only in GRDB's queue.
                let other = try AppDatabase(path: world.database.path)
                defer { try? other.close() }
                let services = [EnrolmentService(database: world.database), EnrolmentService(database: other)]

                let requests = Mutex<[Int64: [Result<Enrolment, WorkshopProblem>]]>([:])
                let errors = Mutex<[String]>([])
                parallel(600) { index in
                    let person = index % 300
                    do {
                        let result = try services[index % 2].request(runId: runId, employeeId: staff[person].id!, actor: requesters[person])
                        requests.withLock { $0[staff[person].id!, default: []].append(result) }
                    } catch {
                        errors.withLock { $0.append("\(error)") }
                    }
                }
                #expect(errors.withLock { $0 } == [])
                let requestResults = requests.withLock { $0 }
                #expect(requestResults.count == 300)
                for (_, results) in requestResults {
                    #expect(results.filter { (try? $0.get()) != nil }.count == 1, "one request per person succeeds")
                    #expect(results.compactMap(\.problem) == [.alreadyInRun(.requested)])
                }

                let enrolmentIds = requestResults.mapValues { $0.compactMap { try? $0.get().id }.first! }
                let approvals = Mutex<[Result<Enrolment, WorkshopProblem>]>([])
                parallel(600) { index in
                    let person = index % 300
                    do {
                        let result = try services[(index / 300 + index) % 2].approve(
                            enrolmentId: enrolmentIds[staff[person].id!]!, actor: supervisors[person])
                        approvals.withLock { $0.append(result) }
                    } catch {
                        errors.withLock { $0.append("\(error)") }
                    }
                }
                #expect(errors.withLock { $0 } == [])
                let approvalResults = approvals.withLock { $0 }
                #expect(approvalResults.filter { (try? $0.get()) != nil }.count == 300)
                #expect(approvalResults.compactMap(\.problem).allSatisfy { if case .wrongState = $0 { true } else { false } })

                try world.database.pool.read { db in
                    let states = try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM enrolments WHERE run_id = ? GROUP BY state",
                                                  arguments: [runId])
                        .reduce(into: [String: Int]()) { $0[$1["state"]] = $1["n"] }
                    #expect(states == ["enrolled": 5, "waitlisted": 295])
                    let duplicates = try Int.fetchOne(db, sql: """
                        SELECT COUNT(*) FROM (SELECT employee_id FROM enrolments WHERE run_id = ? GROUP BY employee_id HAVING COUNT(*) > 1)
                        """, arguments: [runId])
                    #expect(duplicates == 0)

                    // The approval order is the commit order of the audit log.
                    let approvalOrder = try String.fetchAll(db, sql: "SELECT subject FROM audit_log WHERE action = 'enrolment.approve' ORDER BY id")
                        .map { Int64($0.dropFirst("enrolment:".count))! }
                    #expect(approvalOrder.count == 300)
                    let enrolled = Set(try Int64.fetchAll(db, sql: "SELECT id FROM enrolments WHERE run_id = ? AND state = 'enrolled'",
                                                          arguments: [runId]))
                    #expect(enrolled == Set(approvalOrder.prefix(5)), "the first five approved took the seats")
                    let approvedAt = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, approved_at FROM enrolments WHERE run_id = ?",
                                                                                        arguments: [runId]).map { ($0["id"] as Int64, $0["approved_at"] as Int64) })
                    let times = approvalOrder.map { approvedAt[$0]! }
                    #expect(times == times.sorted(), "approval times follow the approval order")
                }

                let waitlist = try world.database.pool.write { try RunSeats.load(run, in: $0).waitlist }
                let positions = try staff.compactMap { try services[0].standing(runId: runId, employeeId: $0.id!)?.waitlist?.position }
                #expect(positions.sorted() == Array(1...295), "every waiting person sees a distinct position")
                #expect(waitlist == WaitlistRules.ordered(waitlist))
                #expect(waitlist.map(\.approvedAt) == waitlist.map(\.approvedAt).sorted(), "waitlisted in approval order")
            }
        }
    }
}
