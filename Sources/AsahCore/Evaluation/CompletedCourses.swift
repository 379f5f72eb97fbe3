import GRDB

/// The courses people completed, as (employee, course) pairs sorted by employee: what
/// ``TrainingNeeds`` asks of every person in need and every course on offer (a province is
/// 90,000 people in need and 200,000 completions), answered by one binary search per person
/// and a look at their few pairs instead of hashing a pair per course.
struct CompletedCourses {
    private var employees: [Int64] = []
    private var courses: [Int64] = []

    /// The completed courses of the active people `among` admits (an `AND employee_id IN (...)`
    /// clause, empty for everyone), with its arguments.
    init(among: String, arguments: StatementArguments, in db: Database) throws {
        // For some people, their own enrolments (by the person's index); for everyone, the completed ones.
        let enrolments = among.isEmpty ? "enrolments e" : "enrolments e INDEXED BY enrolments_employee"
        var pairs: [(employee: Int64, course: Int64)] = []
        let done = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT employee_id, r.course_id FROM \(enrolments) JOIN runs r ON r.id = e.run_id
            WHERE e.state = 'completed' \(among)
            """), arguments: arguments)
        while let row = try done.next() { pairs.append((row[0], row[1])) }
        pairs.sort { $0.employee < $1.employee }
        employees = pairs.map(\.employee)
        courses = pairs.map(\.course)
    }

    /// The courses `employee` completed (a few, possibly repeated).
    func courses(of employee: Int64) -> ArraySlice<Int64> {
        let low = employees.firstIndex(notBelow: employee)
        var end = low
        while end < employees.count, employees[end] == employee { end += 1 }
        return courses[low..<end]
    }
}
