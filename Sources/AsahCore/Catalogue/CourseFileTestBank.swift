import Yams

/// The question bank section of a course file's front matter.
extension FrontMatterReader {
    /// `- {question: ..., options: [...], answer: B}` items: two to six options, the answer
    /// as the option's letter (A, B, ...) or its text.
    func testQuestions(_ node: Node) throws(CourseFileError) -> [TestBank.Question] {
        var questions: [TestBank.Question] = []
        for item in try list(node, "test_questions") {
            let entries = try mapping(item, "test_questions", allowed: ["question", "options", "answer"])
            guard let question = entries["question"], let optionsNode = entries["options"], let answerNode = entries["answer"] else {
                throw error(item, "course_file_question_incomplete")
            }
            var options: [String] = []
            for option in try list(optionsNode, "test_questions.options") {
                options.append(try text(option, "test_questions.options"))
            }
            guard (2...6).contains(options.count) else { throw error(optionsNode, "course_file_option_count") }
            guard Set(options).count == options.count else { throw error(optionsNode, "course_file_options_repeated") }
            let answer = try text(answerNode, "test_questions.answer")
            let letters = "ABCDEF".prefix(options.count).map(String.init)
            guard let index = letters.firstIndex(of: answer.uppercased()) ?? options.firstIndex(of: answer) else {
                throw error(answerNode, "course_file_answer_invalid", ["letters": letters.joined(separator: "/")])
            }
            questions.append(.init(text: try text(question, "test_questions.question"), options: options, answer: index))
        }
        return questions
    }
}
