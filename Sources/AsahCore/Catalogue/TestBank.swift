/// The question bank of a course's online pre-test and post-test: multiple-choice questions,
/// each with one right option, and the time allowed. Declared in the course file
/// (`test_questions`, `test_minutes`); graded by Asah, which shuffles questions and options
/// for every attempt and enforces the time limit on the server.
public struct TestBank: Codable, Hashable, Sendable {
    /// One question: its text, the options and the index of the right one.
    public struct Question: Codable, Hashable, Sendable {
        public var text: String
        public var options: [String]
        public var answer: Int

        public init(text: String, options: [String], answer: Int) {
            self.text = text
            self.options = options
            self.answer = answer
        }
    }

    /// Minutes allowed from starting an attempt to handing it in.
    public var minutes: Int
    public var questions: [Question]

    public init(minutes: Int, questions: [Question]) {
        self.minutes = minutes
        self.questions = questions
    }
}
