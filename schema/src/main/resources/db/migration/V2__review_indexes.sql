-- Review reads: which sessions asked a question (question statistics, candidate history).
create index session_events_question_pushed
    on session_events ((payload ->> 'questionId'))
 where type = 'question_pushed';
create index scores_question on scores (question_id);
