package org.powexchange.board;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.powexchange.web.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The exchange board at {@code /board}: a static page polling {@code /board/api/snapshot}. Who may see
 * it (Coordination Staff, administrators) is decided in front of it, by {@code security.StaffPageFilter}.
 * The {@code /board/api} answers are records, documented in /v3/api-docs beside /api.
 */
@Controller
public class BoardController {

    /** Answered only to those who may see the board; anyone else gets 401 or 403 from the filter. */
    @Schema(name = "BoardAccess")
    public record Access(boolean allowed) {
    }

    private final BoardService board;

    public BoardController(BoardService board) {
        this.board = board;
    }

    @GetMapping({"/board", "/board/"})
    public String page() {
        return "forward:/board/index.html";
    }

    /** 200 when the caller may see the board (Tasklist's header shows the link only then). */
    @GetMapping("/board/api/access")
    @ResponseBody
    public Access access() {
        return new Access(true);
    }

    @GetMapping("/board/api/snapshot")
    @ResponseBody
    public BoardSnapshot snapshot() {
        return board.snapshot();
    }

    @GetMapping("/board/api/people")
    @ResponseBody
    public List<BoardRepository.PersonHit> people(@RequestParam String name) {
        if (name.isBlank() || name.length() > 100) {
            throw ApiException.badRequest("name", "a name of 1 to 100 characters, in any script");
        }
        return board.findPeople(name);
    }
}
