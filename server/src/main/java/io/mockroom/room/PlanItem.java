package io.mockroom.room;

import java.util.List;
import java.util.UUID;

/** A question as a room holds it: the bank content at the time it was planned or pushed. */
public record PlanItem(UUID questionId, String prompt, String answer, List<String> keyPoints, String topic,
                       String difficulty, Integer minutes) {}
