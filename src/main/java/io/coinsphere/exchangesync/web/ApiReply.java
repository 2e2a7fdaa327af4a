package io.coinsphere.exchangesync.web;

/** What a REST worker route answers: an HTTP status and a body that is written as JSON. */
public record ApiReply(int status, Object body) {

    public static ApiReply ok(Object body) {
        return new ApiReply(200, body);
    }

    public static ApiReply created(Object body) {
        return new ApiReply(201, body);
    }

    public static ApiReply accepted(Object body) {
        return new ApiReply(202, body);
    }
}
